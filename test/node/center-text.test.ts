import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localizedText } from '../../src/domain/center-text.js';

const track = {
  id: 'evening',
  name: 'Evening IOP',
  description: 'Three evenings a week.',
  location: '12 Main St',
  translations: { es: { name: 'IOP de noche', description: '' } },
};

describe('localizedText', () => {
  it('shows the Spanish text where given and the English otherwise', () => {
    const es = localizedText(track, 'es');
    assert.equal(es.name, 'IOP de noche');
    assert.equal(es.description, 'Three evenings a week.', 'a blank translation keeps the English');
    assert.equal(es.location, '12 Main St');
  });

  it('leaves English alone and answers the same object when nothing is translated', () => {
    assert.equal(localizedText(track, 'en'), track);
    const plain: { id: string; name: string; translations?: { es?: { name?: string } } } = { id: 'x', name: 'Day IOP' };
    assert.equal(localizedText(plain, 'es'), plain);
    assert.equal(localizedText({ ...plain, translations: {} }, 'es').name, 'Day IOP');
  });

  it('translates lists only when every entry has text, and fills fields English left out', () => {
    const session = { title: 'Alumni night', topics: ['relapse prevention'], translations: { es: { topics: ['prevención de recaídas'], description: 'Una noche al mes.' } } };
    assert.deepEqual(localizedText(session, 'es').topics, ['prevención de recaídas']);
    assert.equal((localizedText(session, 'es') as { description?: string }).description, 'Una noche al mes.');
    const partial = { ...session, translations: { es: { topics: ['', 'x'] } } };
    assert.deepEqual(localizedText(partial, 'es').topics, ['relapse prevention']);
  });

  it('does not mutate the item', () => {
    const copy = structuredClone(track);
    localizedText(track, 'es');
    assert.deepEqual(track, copy);
  });
});

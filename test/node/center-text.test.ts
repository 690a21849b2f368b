import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localizedText, withTranslation } from '../../src/domain/center-text.js';

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

describe('withTranslation', () => {
  it('sets one Spanish field, and a blank one removes it (and the empty translation with it)', () => {
    const plain: { name: string; description?: string; translations?: { es?: { name?: string; description?: string } } } = { name: 'Day IOP' };
    const named = withTranslation(plain, 'es', 'name', 'IOP de día');
    assert.deepEqual(named, { name: 'Day IOP', translations: { es: { name: 'IOP de día' } } });
    const described = withTranslation(named, 'es', 'description', 'Por la mañana');
    assert.deepEqual(described.translations, { es: { name: 'IOP de día', description: 'Por la mañana' } });
    assert.deepEqual(withTranslation(described, 'es', 'name', ' ').translations, { es: { description: 'Por la mañana' } });
    assert.deepEqual(withTranslation(named, 'es', 'name', ''), { name: 'Day IOP' });
    assert.deepEqual(plain, { name: 'Day IOP' }, 'the original is untouched');
  });
});

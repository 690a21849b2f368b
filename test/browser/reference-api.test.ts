import { expect } from '@open-wc/testing';
import { createClient } from '../../src/client/client.js';

describe('reference API behind the test dev server', () => {
  it('answers GET programs with the seeded center', async () => {
    const list = await createClient({ apiBase: '/api/iop/' }).listPrograms();
    expect(list.center.name).to.equal('Juniper Ridge Recovery');
    expect(list.programs.length).to.be.greaterThan(2);
  });
});

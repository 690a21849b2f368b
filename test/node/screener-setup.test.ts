// src/domain/screener-setup.ts: what the intake screener takes from the page, the center and the screening under way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PublicScreenerSettings } from '../../src/api/schemas.js';
import { defaultInstrumentSet } from '../../src/domain/instruments.js';
import { crisisLineView, screenerSetup, type CenterScreener } from '../../src/domain/screener-setup.js';
import { defaultResultThresholds } from '../../src/domain/screening-result.js';

// Parsed by the contract's schema, so the domain's shape and the wire's cannot drift apart unnoticed.
const center: CenterScreener = PublicScreenerSettings.parse({
  instruments: ['audit', 'phq-9'],
  thresholds: { ...defaultResultThresholds, higherLevelPhq9: 10 },
  crisisLines: [{ name: 'Mountain Crisis Line', phone: '+1 (844) 493-8255', text: '38255', url: 'https://example.org/crisis', translations: { es: { name: 'Línea de crisis de la montaña' } } }],
  quickExitUrl: 'https://weather.example/',
});

describe('screenerSetup', () => {
  it('follows the center when the page names nothing', () => {
    const setup = screenerSetup({ attributes: {}, center });
    assert.deepEqual(setup.instruments, ['audit', 'phq-9']);
    assert.equal(setup.thresholds.higherLevelPhq9, 10);
    assert.equal(setup.quickExitUrl, 'https://weather.example/');
    assert.equal(setup.crisisLines.length, 1);
  });

  it('lets the page’s attributes win for instruments and quick exit', () => {
    const setup = screenerSetup({ attributes: { instruments: 'gad-7, asq', quickExitUrl: 'https://news.example/' }, center });
    assert.deepEqual(setup.instruments, ['gad-7', 'asq']);
    assert.equal(setup.quickExitUrl, 'https://news.example/');
  });

  it('ignores an attribute that names no known instrument, and an http quick exit', () => {
    const setup = screenerSetup({ attributes: { instruments: 'nonsense, ', quickExitUrl: 'http://news.example/' }, center });
    assert.deepEqual(setup.instruments, ['audit', 'phq-9']);
    assert.equal(setup.quickExitUrl, 'https://weather.example/');
  });

  it('keeps the set a screening started with, whatever arrives later', () => {
    assert.deepEqual(screenerSetup({ attributes: { instruments: 'asq' }, center, started: ['dast-10', 'gad-7'] }).instruments, ['dast-10', 'gad-7']);
  });

  it('uses the center’s thresholds over the attribute’s (the server applies the center’s), the attribute’s only without the center', () => {
    const attribute = JSON.stringify({ higherLevelPhq9: 15 });
    assert.equal(screenerSetup({ attributes: { thresholds: attribute }, center }).thresholds.higherLevelPhq9, 10);
    assert.equal(screenerSetup({ attributes: { thresholds: attribute } }).thresholds.higherLevelPhq9, 15);
  });

  it('falls back to the built-in defaults without the center: no crisis lines, no quick exit', () => {
    const setup = screenerSetup({ attributes: {} });
    assert.deepEqual(setup.instruments, [...defaultInstrumentSet]);
    assert.deepEqual(setup.thresholds, defaultResultThresholds);
    assert.deepEqual(setup.crisisLines, []);
    assert.equal(setup.quickExitUrl, undefined);
  });
});

describe('crisisLineView', () => {
  it('gives tel:, sms: and https links, the name in the person’s language', () => {
    const line = center.crisisLines[0]!;
    assert.deepEqual(crisisLineView(line, 'en'), {
      name: 'Mountain Crisis Line',
      links: [
        { kind: 'call', href: 'tel:+18444938255', shown: '+1 (844) 493-8255' },
        { kind: 'text', href: 'sms:38255', shown: '38255' },
        { kind: 'web', href: 'https://example.org/crisis', shown: 'example.org' },
      ],
    });
    assert.equal(crisisLineView(line, 'es').name, 'Línea de crisis de la montaña');
  });

  it('keeps the English name when no Spanish one is given, and never links a non-https address', () => {
    const view = crisisLineView({ name: 'Warm Line', url: 'javascript:alert(1)' }, 'es');
    assert.deepEqual(view, { name: 'Warm Line', links: [] });
  });
});

/**
 * Generated portraits: an abstract head-and-shoulders avatar drawn from a seed and a few
 * traits. Flat geometric shapes only; it is plainly synthetic and resembles no one.
 */
import { Rng } from './prng.js';
import type { Sex } from './identifiers.js';

export type AgeGroup = 'child' | 'teen' | 'adult' | 'senior';

export interface PortraitTraits {
  readonly sex: Sex;
  readonly ageGroup: AgeGroup;
}

export function ageGroupOf(age: number): AgeGroup {
  return age < 13 ? 'child' : age < 18 ? 'teen' : age < 60 ? 'adult' : 'senior';
}

const BACKGROUNDS = ['#dfe9f3', '#e8f0e2', '#f3e9df', '#ece4f1', '#e2eef0', '#f1eedf', '#e6e6e6', '#dde7e4'];
const SKIN = ['#f6d7c3', '#eec1a2', '#e3b08e', '#d49c76', '#c08660', '#a46c4c', '#f2cdb0', '#e7b996'];
const HAIR = ['#2b2019', '#3f2a1d', '#5a3b24', '#7a5130', '#a0703f', '#c9a064', '#e0c28b', '#8e3b1f', '#151515'];
const GREY = ['#9e9e9e', '#b8b8b8', '#d4d4d4', '#8a8580'];
const CLOTHES = ['#35557a', '#4d6b3c', '#7a3b3b', '#5b4a7a', '#2f6f73', '#8a6d3b', '#40444b', '#a35c7a', '#3c6e9e'];

/**
 * An SVG portrait, about 0.55-0.75 KB, 120×150. Same seed and traits, same bytes.
 * seed is any 32-bit integer (the generator derives it from the population seed and person).
 */
export function portraitSvg(seed: number, traits: PortraitTraits): string {
  const rng = new Rng(seed >>> 0, 0x70727472);
  const { sex, ageGroup } = traits;
  const young = ageGroup === 'child' || ageGroup === 'teen';
  const bg = rng.pick(BACKGROUNDS);
  const skin = rng.pick(SKIN);
  const hair = ageGroup === 'senior' && rng.chance(0.8) ? rng.pick(GREY) : rng.pick(HAIR);
  const cloth = rng.pick(CLOTHES);
  // Head geometry: children have relatively larger heads and narrower shoulders.
  const cx = 60;
  const cy = ageGroup === 'child' ? 70 : 64;
  const rx = (ageGroup === 'child' ? 27 : 23) + rng.int(0, 3);
  const ry = (ageGroup === 'child' ? 30 : 29) + rng.int(0, 4);
  const shoulder = ageGroup === 'child' ? 30 : ageGroup === 'teen' ? 36 : 42 + rng.int(0, 4);
  const top = cy + ry + 8;
  const parts: string[] = [];
  parts.push(`<rect width="120" height="150" fill="${bg}"/>`);
  parts.push(
    `<path d="M${60 - shoulder} 150C${60 - shoulder} ${top + 6} ${60 - shoulder / 2} ${top} 60 ${top}S${60 + shoulder} ${top + 6} ${60 + shoulder} 150Z" fill="${cloth}"/>`,
  );
  parts.push(`<rect x="52" y="${cy + ry - 10}" width="16" height="20" rx="6" fill="${skin}"/>`);
  // Long hair goes behind the head.
  const longHair = sex === 'F' ? rng.chance(0.75) : rng.chance(0.05);
  if (longHair) {
    const len = cy + ry + rng.int(4, 22);
    parts.push(
      `<path d="M${cx - rx - 4} ${cy}Q${cx - rx - 6} ${len} ${cx - rx + 6} ${len}H${cx + rx - 6}Q${cx + rx + 6} ${len} ${cx + rx + 4} ${cy}Z" fill="${hair}"/>`,
    );
  }
  parts.push(`<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${skin}"/>`);
  // Hair on top: a cap of varying depth; some older men have almost none.
  const bald = sex === 'M' && ageGroup === 'senior' && rng.chance(0.4);
  if (!bald) {
    const depth = rng.int(8, 16);
    const sweep = rng.int(-6, 6);
    parts.push(
      `<path d="M${cx - rx - 1} ${cy - 2}C${cx - rx} ${cy - ry - 8} ${cx + rx} ${cy - ry - 8} ${cx + rx + 1} ${cy - 2}Q${cx + sweep} ${cy - ry + depth} ${cx - rx - 1} ${cy - 2}Z" fill="${hair}"/>`,
    );
  }
  // Eyes and mouth: dots and a curve, deliberately schematic.
  const eyeY = cy + rng.int(-1, 3);
  const eyeDx = young ? 9 : 8 + rng.int(0, 2);
  parts.push(`<g fill="#2b2b2b"><circle cx="${cx - eyeDx}" cy="${eyeY}" r="2.4"/><circle cx="${cx + eyeDx}" cy="${eyeY}" r="2.4"/></g>`);
  if (!young && rng.chance(0.22)) {
    parts.push(
      `<g fill="none" stroke="#3a3a3a" stroke-width="1.6"><circle cx="${cx - eyeDx}" cy="${eyeY}" r="6"/><circle cx="${cx + eyeDx}" cy="${eyeY}" r="6"/><path d="M${cx - eyeDx + 6} ${eyeY}H${cx + eyeDx - 6}"/></g>`,
    );
  }
  const mouthY = cy + Math.round(ry * 0.55);
  if (sex === 'M' && (ageGroup === 'adult' || ageGroup === 'senior') && rng.chance(0.2)) {
    parts.push(
      `<path d="M${cx - 9} ${mouthY - 3}Q${cx} ${mouthY - 9} ${cx + 9} ${mouthY - 3}Q${cx} ${mouthY - 5} ${cx - 9} ${mouthY - 3}Z" fill="${hair}"/>`,
    );
  }
  const smile = rng.int(1, 5);
  parts.push(
    `<path d="M${cx - 7} ${mouthY}Q${cx} ${mouthY + smile} ${cx + 7} ${mouthY}" fill="none" stroke="#7d4a3a" stroke-width="2" stroke-linecap="round"/>`,
  );
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 150" width="120" height="150">' +
    '<title>Synthetic portrait</title>' +
    parts.join('') +
    '</svg>'
  );
}

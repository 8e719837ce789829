import { describe, expect, it } from 'vitest';
import { untrackedGlobs } from '../../../scripts/zip';

describe('npm run zip', () => {
  it('leaves out of the sources zip what git ignores or does not track, folders whole', () => {
    expect(untrackedGlobs('node_modules/\0test-results/\0notes.txt\0')).toEqual([
      'node_modules/**',
      'test-results/**',
      'notes.txt',
    ]);
    expect(untrackedGlobs('')).toEqual([]);
  });
});

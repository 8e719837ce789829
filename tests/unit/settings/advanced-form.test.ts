import { describe, expect, it } from 'vitest';
import { type AdvancedFields, planAdvancedSave } from '../../../utils/advanced-form';

describe('planAdvancedSave', () => {
  const advanced: AdvancedFields = {
    route: 'auto',
    concurrency: '5',
    patterns: ' /agent/{portal}/users/{userId} \n\n',
    anchorSelector: ' .profile h2 ',
    panelWindowWhereUnchecked: false,
  };
  const parseNothing = () => {};
  const refuseAll = () => {
    throw new SyntaxError('bad');
  };

  it('saves the route, trimmed patterns and selector, the number and the panel window choice', () => {
    expect(planAdvancedSave(advanced, parseNothing)).toEqual({
      problems: [],
      input: {
        removalRoute: 'auto',
        customPagePatterns: ['/agent/{portal}/users/{userId}'],
        bulkConcurrency: 5,
        anchorSelector: '.profile h2',
        panelWindowWhereUnchecked: false,
      },
    });
  });

  it('passes the trimmed selector to the parser, and none when it is empty', () => {
    const seen: string[] = [];
    planAdvancedSave(advanced, (s) => seen.push(s));
    planAdvancedSave({ ...advanced, anchorSelector: '  ' }, (s) => seen.push(s));
    expect(seen).toEqual(['.profile h2']);
  });

  it.each(['0', '26', '2.5', '', 'five'])('refuses %j calls at once', (concurrency) => {
    expect(planAdvancedSave({ ...advanced, concurrency }, parseNothing)).toEqual({
      problems: ['Calls at once: a whole number from 1 to 25.'],
      input: null,
    });
  });

  it.each(['1', '25', ' 10 '])('accepts %j calls at once', (concurrency) => {
    expect(planAdvancedSave({ ...advanced, concurrency }, parseNothing).input?.bulkConcurrency).toBe(
      Number(concurrency),
    );
  });

  it('lists every problem at once: pattern lines, then the anchor, then calls at once', () => {
    const plan = planAdvancedSave(
      {
        route: 'users-dissociate',
        concurrency: '0',
        patterns: '/agent/users\n/ok/{userId}',
        anchorSelector: '[',
        panelWindowWhereUnchecked: true,
      },
      refuseAll,
    );
    expect(plan.input).toBeNull();
    expect(plan.problems).toEqual([
      'Line 1: Include {userId} (or {portalUserId} or {contactId}) so the page can be identified.',
      'Anchor: "[" is not a valid CSS selector.',
      'Calls at once: a whole number from 1 to 25.',
    ]);
  });
});

/** What the pages and the worker say of the organization's policy: here alone, so a page imports no schema with it. */

/** Said beside every value the policy sets, and in every refusal it causes. */
export const SET_BY_ORGANIZATION = 'Set by your organization';
export const TURNED_OFF_BY_ORGANIZATION = 'Turned off by your organization';

/**
 * A user's labels (User.json, Label.json). Labels are not badges: the extension never calls these; they
 * exist so tests can prove it, and so a label named like a badge can be told apart.
 */
import { type Label, photoUrl, type User } from '../data';
import { empty, json, type Reply, zohoError } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  findUser,
  type ItemResult,
  idList,
  itemError,
  NOT_FOUND,
  page,
  range,
} from './call';

const READ_USER_LABELS = ['Desk.contacts.READ', 'Desk.settings.READ'];
const WRITE_USER_LABELS = ['Desk.contacts.UPDATE', 'Desk.settings.UPDATE'];

function labelWire(label: Label) {
  return {
    preferences: { shape: label.shape, bgColor: label.bgColor, textColor: label.textColor },
    name: label.name,
    id: label.id,
    logoUrl: null,
  };
}

/** The label user payloads show: the user's first. */
export function primaryLabel(state: SandboxState, user: User) {
  const label = state.data.labels.find((l) => l.id === user.labelIds[0]);
  return label ? labelWire(label) : null;
}

function listUserLabels(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const r = range(call.query, 50);
  if ('status' in r) return r;
  const helpCenterId = call.query.get('helpCenterId');
  const onlyPrimary = call.query.get('isPrimary') === 'true';
  const labels = user.labelIds
    .map((id, index) => ({ label: call.state.data.labels.find((l) => l.id === id), primary: index === 0 }))
    .filter((x): x is { label: Label; primary: boolean } => x.label !== undefined)
    .filter((x) => (helpCenterId === null || x.label.helpCenterId === helpCenterId) && (!onlyPrimary || x.primary));
  const data = page(labels, r).map(({ label, primary }) => ({
    ...labelWire(label),
    helpCenterId: label.helpCenterId,
    isPrimary: bool(call.state, primary),
    assignedTime: user.modifiedTime,
  }));
  return data.length ? json(200, { data }) : empty();
}

function changeLabels(call: DeskCall, param: 'labels' | 'labelIds', op: 'add' | 'remove'): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const ids = idList(call.query, param);
  if (ids.length === 0)
    return zohoError(422, 'UNPROCESSABLE_ENTITY', `${param} is required.`, {
      errors: [{ fieldName: `/${param}`, errorType: 'missing', errorMessage: `${param} is required` }],
    });
  const results: ItemResult[] = ids.map((id) => {
    const label = call.state.data.labels.find((l) => l.id === id && l.orgId === user.orgId);
    if (!label)
      return { success: false, id, errors: itemError(call.state, 'INVALID_DATA', 422, 'The label does not exist.') };
    const held = user.labelIds.includes(id);
    if (op === 'add') {
      if (!held) user.labelIds.push(id);
    } else {
      if (!held)
        return {
          success: false,
          id,
          errors: itemError(call.state, 'INVALID_DATA', 422, 'The user does not have this label.'),
        };
      user.labelIds = user.labelIds.filter((l) => l !== id);
    }
    return { success: true, id, errors: null };
  });
  return json(200, { results });
}

function listLabelUsers(call: DeskCall): Reply {
  const label = call.state.data.labels.find((l) => l.id === call.path.labelId && l.orgId === call.org?.id);
  if (!label) return NOT_FOUND();
  const r = range(call.query, 100);
  if ('status' in r) return r;
  const users = call.state.data.users.filter((u) => u.labelIds.includes(label.id));
  // Label.json userLabelData: who holds the label, who gave it and when.
  const data = page(users, r).map((u) => ({
    photoUrl: photoUrl(u),
    emailAddress: u.emailAddress,
    name: u.name,
    userType: u.type,
    assignee: { photoUrl: null, name: 'Zylker Admin', id: '6000000015895' },
    id: u.id,
    assignedTime: u.modifiedTime,
    status: u.status,
  }));
  return data.length ? json(200, { data }) : empty();
}

export const labelEndpoints: Endpoint[] = [
  {
    operationId: 'getUserLabels',
    method: 'GET',
    path: '/api/v1/users/{userId}/labels',
    scopes: READ_USER_LABELS,
    needsOrg: true,
    handle: listUserLabels,
  },
  {
    operationId: 'assignLabelsToUser',
    method: 'POST',
    path: '/api/v1/users/{userId}/labels/assign',
    scopes: WRITE_USER_LABELS,
    needsOrg: true,
    handle: (c) => changeLabels(c, 'labels', 'add'),
  },
  {
    operationId: 'removeLabelsFromUser',
    method: 'POST',
    path: '/api/v1/users/{userId}/labels/remove',
    scopes: WRITE_USER_LABELS,
    needsOrg: true,
    handle: (c) => changeLabels(c, 'labelIds', 'remove'),
  },
  {
    operationId: 'getUsersByLabel',
    method: 'GET',
    path: '/api/v1/labels/{labelId}/users',
    scopes: ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ'],
    needsOrg: true,
    handle: listLabelUsers,
  },
];

/**
 * A user's labels (User.json, Label.json). Labels are not badges: the extension never calls these; they
 * exist so tests can prove it, and so a label named like a badge can be told apart.
 */
import { type Label, photoUrl, type User } from '../data';
import { empty, json, type Reply } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  findUser,
  type ItemError,
  invalidData,
  itemError,
  massAction,
  NOT_FOUND,
  noSuch,
  orgHelpCenter,
  pageOf,
  textArg,
} from './call';
import {
  fromParam,
  idListRule,
  idParam,
  limitParam,
  ORG_ID,
  type ParamRule,
  searchByParam,
  sortByParam,
  unprocessable,
  type ValueRule,
} from './params';

const READ_USER_LABELS = ['Desk.contacts.READ', 'Desk.settings.READ'];
const WRITE_USER_LABELS = ['Desk.contacts.UPDATE', 'Desk.settings.UPDATE'];
/** Label changes name the user and, optionally, the help center the labels belong to. */
const CHANGE_PARAMS: ParamRule[] = [idParam('helpCenterId', 'query'), idParam('userId', 'path', true), ORG_ID];

/** assignLabelsToUser (User.json userLabelInputJson): `{"labels":[{"id","isPrimary"}]}`. */
const ASSIGN_BODY: ValueRule = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    labels: {
      type: ['array', 'null'],
      items: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: { isPrimary: { type: ['boolean', 'null'] }, id: idListRule(true).items! },
        required: ['id', 'isPrimary'],
      },
    },
  },
  required: ['labels'],
};

/** removeLabelsFromUser (Label.json labelIdsJson): `{"labelIds":[...]}`. */
const REMOVE_BODY: ValueRule = {
  type: ['object'],
  additionalProperties: false,
  properties: { labelIds: idListRule(true) },
  required: ['labelIds'],
};

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
  if (!user) return noSuch(call, 'userId');
  const helpCenterId = textArg(call, 'helpCenterId');
  const needle = textArg(call, 'searchBy')?.toLowerCase();
  const labels = user.labelIds
    .map((id, index) => ({ label: call.state.data.labels.find((l) => l.id === id), primary: index === 0 }))
    .filter((x): x is { label: Label; primary: boolean } => x.label !== undefined)
    .filter(
      (x) =>
        (helpCenterId === undefined || x.label.helpCenterId === helpCenterId) &&
        (call.args.isPrimary === undefined || x.primary === call.args.isPrimary) &&
        (!needle || x.label.name.toLowerCase().includes(needle)),
    );
  const data = pageOf(call, labels).map(({ label, primary }) => ({
    ...labelWire(label),
    helpCenterId: label.helpCenterId,
    isPrimary: bool(call.state, primary),
    assignedTime: user.modifiedTime,
  }));
  return data.length ? json(200, { data }) : empty();
}

type LabelId = string | number | null;

/** One result per label the body names; `change` gives or takes one the organization has. */
function changeLabels(
  call: DeskCall,
  field: 'labels' | 'labelIds',
  ids: LabelId[],
  change: (user: User, id: string) => ItemError | null,
): Reply {
  const user = findUser(call);
  if (!user) return noSuch(call, 'userId');
  const helpCenterId = textArg(call, 'helpCenterId');
  if (helpCenterId !== undefined && !orgHelpCenter(call, helpCenterId))
    return invalidData('helpCenterId', 'helpCenterId is invalid');
  if (ids.length === 0) return unprocessable({ field, kind: 'missing' });
  return massAction(ids.map(String), (id) =>
    call.state.data.labels.some((l) => l.id === id && l.orgId === user.orgId)
      ? change(user, id)
      : itemError(call.state, 'INVALID_DATA', 422, 'The label does not exist.'),
  );
}

/** A label assigned as primary becomes the user's first, the one user payloads show. */
function assignLabels(call: DeskCall): Reply {
  const labels = (call.body as { labels: { id: LabelId; isPrimary: boolean | null }[] | null } | null)?.labels ?? [];
  const primary = labels.find((l) => l.isPrimary)?.id;
  return changeLabels(
    call,
    'labels',
    labels.map((l) => l.id),
    (user, id) => {
      const others = user.labelIds.filter((l) => l !== id);
      if (String(primary) === id) user.labelIds = [id, ...others];
      else if (!user.labelIds.includes(id)) user.labelIds.push(id);
      return null;
    },
  );
}

function removeLabels(call: DeskCall): Reply {
  const ids = (call.body as { labelIds: LabelId[] | null }).labelIds ?? [];
  return changeLabels(call, 'labelIds', ids, (user, id) => {
    if (!user.labelIds.includes(id))
      return itemError(call.state, 'INVALID_DATA', 422, 'The user does not have this label.');
    user.labelIds = user.labelIds.filter((l) => l !== id);
    return null;
  });
}

function listLabelUsers(call: DeskCall): Reply {
  const label = call.state.data.labels.find((l) => l.id === call.args.labelId && l.orgId === call.org?.id);
  if (!label) return NOT_FOUND();
  const needle = textArg(call, 'searchBy')?.toLowerCase();
  const users = call.state.data.users.filter(
    (u) =>
      u.labelIds.includes(label.id) &&
      (!needle || u.name.toLowerCase().includes(needle) || u.emailAddress.toLowerCase().includes(needle)),
  );
  // Label.json userLabelData: who holds the label, who gave it and when.
  const data = pageOf(call, users).map((u) => ({
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
    list: true,
    method: 'GET',
    path: '/api/v1/users/{userId}/labels',
    scopes: READ_USER_LABELS,
    needsOrg: true,
    params: [
      { name: 'isPrimary', in: 'query', schema: { type: ['boolean'] } },
      fromParam(),
      limitParam(50),
      sortByParam('assignedTime'),
      searchByParam(),
      idParam('helpCenterId', 'query'),
      idParam('userId', 'path', true),
      ORG_ID,
    ],
    handle: listUserLabels,
  },
  {
    operationId: 'assignLabelsToUser',
    method: 'POST',
    path: '/api/v1/users/{userId}/labels/assign',
    scopes: WRITE_USER_LABELS,
    needsOrg: true,
    params: CHANGE_PARAMS,
    body: ASSIGN_BODY,
    handle: assignLabels,
  },
  {
    operationId: 'removeLabelsFromUser',
    method: 'POST',
    path: '/api/v1/users/{userId}/labels/remove',
    scopes: WRITE_USER_LABELS,
    needsOrg: true,
    params: CHANGE_PARAMS,
    body: REMOVE_BODY,
    handle: removeLabels,
  },
  {
    operationId: 'getUsersByLabel',
    list: true,
    method: 'GET',
    path: '/api/v1/labels/{labelId}/users',
    scopes: ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ'],
    needsOrg: true,
    params: [
      limitParam(50, true),
      searchByParam(100),
      fromParam(true),
      sortByParam('assignedTime', { maxLength: 100 }),
      idParam('labelId', 'path'),
      ORG_ID,
    ],
    handle: listLabelUsers,
  },
];

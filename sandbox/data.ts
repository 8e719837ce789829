/**
 * The sandbox's data model and its seeded demo data. Stored shapes are the sandbox's own (plain
 * booleans, id lists); the Desk API face turns them into Zoho's wire shapes (string booleans, envelopes).
 */

export interface Department {
  id: string;
  name: string;
  /** The department segment of agent-app URLs (`/agent/{portal}/{department}/...`). */
  slug: string;
}

export interface Org {
  id: string;
  companyName: string;
  /** The org's portal name: the second segment of agent-app URLs. */
  portalName: string;
  edition: 'FREE' | 'EXPRESS' | 'STANDARD' | 'PROFESSIONAL' | 'ENTERPRISE';
  departments: Department[];
}

export interface HelpCenter {
  id: string;
  orgId: string;
  name: string;
  portalName: string;
  /** The Help Center portal's hex id (a different thing from the numeric helpCenterId). */
  portalId: string;
  departmentIds: string[];
}

export interface Badge {
  id: string;
  orgId: string;
  name: string;
  description: string;
  isCustom: boolean;
  /** Default badges belong to a gamification level; custom and achievement badges have none. */
  levelName: string | null;
  /** The number in `https://desk.zoho.com/portal/api/publicImages/<iconId>`. */
  iconId: string;
}

export interface Label {
  id: string;
  orgId: string;
  helpCenterId: string;
  name: string;
  bgColor: string;
  textColor: string;
  shape: 'RECTANGLE' | 'ROUNDED'; // Label.json's two
}

export interface User {
  id: string;
  orgId: string;
  /** The separate portal-user id seen in `photoURL` and in some agent-app URLs. */
  portalUserId: string;
  name: string;
  emailAddress: string;
  contactId: string;
  /** As User.json has it; `GET /users` leaves DELETED users out unless asked (`status=DELETED` or `ALL`). */
  status: 'ACTIVE' | 'DISABLED' | 'DELETED';
  type: 'ENDUSER';
  /** One user record may belong to several help centers of its org. */
  helpCenterIds: string[];
  /** Held badges, oldest award first (that order is `sortBy=createdTime`). */
  badgeIds: string[];
  /** Held labels; the first is the primary label shown in user payloads. */
  labelIds: string[];
  createdTime: string;
  modifiedTime: string;
  lastAccessedTime: string;
}

export interface Contact {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface Dataset {
  orgs: Org[];
  helpCenters: HelpCenter[];
  badges: Badge[];
  labels: Label[];
  users: User[];
  contacts: Contact[];
}

export const ZYLKER_ORG_ID = '60001234567';
export const ZYLKER_LABS_ORG_ID = '60009876543';
export const COMMUNITY_HC_ID = '7000000012001';
export const PARTNERS_HC_ID = '7000000012002';
export const LABS_HC_ID = '7000000013001';

/** Badge ids of the Zylker catalogue, by name, for tests and the demo. */
export const ZYLKER_BADGES = {
  newcomer: '24073000002953201',
  risingStar: '24073000002953202',
  topContributor: '24073000002953203',
  communityExpert: '24073000002953204',
  bestAnswer: '24073000002953205',
  betaTester: '24073000002953206',
  mvp2026: '24073000002953207',
  bugHunter: '24073000002953208',
  partnerChampion: '24073000002953209',
} as const;

export const ZYLKER_LABELS = {
  lock: '24073000002823026',
  vip: '24073000002823027',
  /** Same name as the "Beta Tester" badge, to catch code that confuses labels with badges. */
  betaTester: '24073000002823028',
  reseller: '24073000002823029',
} as const;

/** The demo's main user: several badges, two labels (one named like a badge), Zylker Community. */
export const DEMO_USER_ID = '310975130121';
/** A user who is an end user in both Zylker help centers. */
export const BOTH_HELP_CENTERS_USER_ID = '310975130123';
/** A user who holds no badges. */
export const NO_BADGES_USER_ID = '310975130124';
/** A contact who is not a Help Center user. */
export const NON_USER_CONTACT_ID = '3313135931199';

const B = ZYLKER_BADGES;
const L = ZYLKER_LABELS;
const HC1 = COMMUNITY_HC_ID;
const HC2 = PARTNERS_HC_ID;

interface UserSeed {
  first: string;
  last: string;
  email?: string;
  hcs: string[];
  badges: string[];
  labels?: string[];
  status?: User['status'];
}

// Index 0 is DEMO_USER_ID, 2 the two-help-center user, 3 the one with no badges (ids count up from 310975130121).
const ZYLKER_USERS: UserSeed[] = [
  {
    first: 'Carol',
    last: 'Diaz',
    hcs: [HC1],
    badges: [B.newcomer, B.risingStar, B.topContributor, B.betaTester],
    labels: [L.lock, L.betaTester],
  },
  { first: 'Ben', last: 'Okafor', hcs: [HC1], badges: [B.newcomer, B.risingStar, B.mvp2026], labels: [L.vip] },
  {
    first: 'Ana',
    last: 'Souza',
    hcs: [HC1, HC2],
    badges: [B.newcomer, B.bestAnswer, B.betaTester, B.partnerChampion],
    labels: [L.vip, L.reseller],
  },
  { first: 'Dev', last: 'Patel', hcs: [HC1], badges: [] },
  { first: 'Emma', last: 'Lindqvist', hcs: [HC1], badges: [B.newcomer] },
  {
    first: 'Farid',
    last: 'Haddad',
    hcs: [HC1],
    badges: [B.newcomer, B.risingStar, B.topContributor, B.communityExpert, B.bestAnswer],
  },
  { first: 'Grace', last: 'Kim', hcs: [HC1], badges: [B.bugHunter], status: 'DISABLED' },
  { first: 'Hiro', last: 'Tanaka', hcs: [HC2], badges: [B.partnerChampion, B.newcomer], labels: [L.reseller] },
  { first: 'Isabel', last: 'Moreau', hcs: [HC1], badges: [] },
  { first: 'Jonas', last: 'Weber', hcs: [HC1], badges: [B.newcomer, B.risingStar] },
  { first: 'Kavya', last: 'Rao', hcs: [HC1], badges: [B.mvp2026, B.betaTester, B.risingStar], labels: [L.betaTester] },
  { first: 'Liu', last: 'Yang', hcs: [HC1], badges: [B.newcomer, B.bugHunter, B.betaTester] },
  { first: 'Mateo', last: 'Rossi', hcs: [HC1], badges: [B.newcomer] },
  { first: 'Nadia', last: 'Petrova', hcs: [HC2], badges: [] },
  { first: 'Omar', last: 'Farouk', hcs: [HC1], badges: [B.newcomer, B.risingStar, B.topContributor] },
  { first: 'Priya', last: 'Nair', hcs: [HC1], badges: [B.bestAnswer], labels: [L.lock] },
  { first: 'Quentin', last: 'Blake', hcs: [HC1], badges: [], status: 'DISABLED' },
  { first: 'Rosa', last: 'Martinez', hcs: [HC1], badges: [B.newcomer, B.mvp2026] },
  { first: 'Sven', last: 'Olsen', hcs: [HC1], badges: [B.newcomer] },
  { first: 'Tomoko', last: 'Sato', hcs: [HC1, HC2], badges: [B.partnerChampion, B.risingStar, B.newcomer] },
  { first: 'Uma', last: 'Reddy', hcs: [HC1], badges: [B.bugHunter, B.betaTester] },
  { first: 'Victor', last: 'Hugo', hcs: [HC1], badges: [] },
  { first: 'Wen', last: 'Li', hcs: [HC1], badges: [B.newcomer, B.risingStar] },
  // Two users with the same first name, so a search by name returns several matches.
  { first: 'Carol', last: 'Nguyen', hcs: [HC1], badges: [B.newcomer] },
  // Deleted end users: listed only with status=DELETED or ALL.
  { first: 'Xavier', last: 'Dupont', hcs: [HC1], badges: [B.newcomer, B.risingStar], status: 'DELETED' },
  { first: 'Yuki', last: 'Mori', hcs: [HC1], badges: [], status: 'DELETED' },
];

function zylkerBadges(): Badge[] {
  const badge = (
    id: string,
    name: string,
    description: string,
    isCustom: boolean,
    levelName: string | null,
    iconId: string,
  ): Badge => ({ id, orgId: ZYLKER_ORG_ID, name, description, isCustom, levelName, iconId });
  return [
    badge(B.newcomer, 'Newcomer', 'Joined the community and made a first post', false, 'Level 1', '1'),
    badge(B.risingStar, 'Rising Star', 'Reached level 2 in the community', false, 'Level 2', '2'),
    badge(B.topContributor, 'Top Contributor', 'Reached level 3 in the community', false, 'Level 3', '3'),
    badge(B.communityExpert, 'Community Expert', 'Reached level 4 in the community', false, 'Level 4', '4'),
    badge(B.bestAnswer, 'Best Answer', 'An answer was marked as the best answer', false, null, '5'),
    badge(B.betaTester, 'Beta Tester', 'Took part in the Zylker beta programme', true, null, '6'),
    badge(B.mvp2026, 'MVP 2026', 'Community most valuable participant, 2026', true, null, '7'),
    badge(B.bugHunter, 'Bug Hunter', 'Reported a confirmed product bug', true, null, '8'),
    badge(B.partnerChampion, 'Partner Champion', 'Outstanding help in the partner community', true, null, '9'),
  ];
}

function seedUsers(
  orgId: string,
  firstId: bigint,
  seeds: UserSeed[],
  domain: string,
): { users: User[]; contacts: Contact[] } {
  const users: User[] = [];
  const contacts: Contact[] = [];
  seeds.forEach((seed, index) => {
    const n = BigInt(index);
    const id = String(firstId + n);
    const contactId = String((orgId === ZYLKER_ORG_ID ? 3313135931139n : 3313135932139n) + n);
    const emailAddress = seed.email ?? `${seed.first}.${seed.last}@${domain}`.toLowerCase();
    const day = String(1 + (index % 28)).padStart(2, '0');
    users.push({
      id,
      orgId,
      portalUserId: String((orgId === ZYLKER_ORG_ID ? 17883000000094001n : 17883000000095001n) + n),
      name: `${seed.first} ${seed.last}`,
      emailAddress,
      contactId,
      status: seed.status ?? 'ACTIVE',
      type: 'ENDUSER',
      helpCenterIds: [...seed.hcs],
      badgeIds: [...seed.badges],
      labelIds: [...(seed.labels ?? [])],
      createdTime: `2025-03-${day}T09:15:00.000Z`,
      modifiedTime: `2026-01-${day}T14:30:00.000Z`,
      lastAccessedTime: `2026-02-${day}T08:00:00.000Z`,
    });
    contacts.push({ id: contactId, orgId, email: emailAddress, firstName: seed.first, lastName: seed.last });
  });
  return { users, contacts };
}

/** The demo dataset: Zylker (two help centers, 24 users, and 2 deleted ones) and Zylker Labs (with `orgs: 2`). */
export function demoData(): Dataset {
  const zylker = seedUsers(ZYLKER_ORG_ID, 310975130121n, ZYLKER_USERS, 'example.com');
  const labs = seedUsers(
    ZYLKER_LABS_ORG_ID,
    410975130121n,
    [
      { first: 'Aiko', last: 'Mori', hcs: [LABS_HC_ID], badges: ['24073000009953201', '24073000009953202'] },
      { first: 'Bruno', last: 'Costa', hcs: [LABS_HC_ID], badges: ['24073000009953201'] },
      { first: 'Chloe', last: 'Martin', hcs: [LABS_HC_ID], badges: [] },
    ],
    'labs.example.org',
  );
  return {
    orgs: [
      {
        id: ZYLKER_ORG_ID,
        companyName: 'Zylker',
        portalName: 'zylker',
        edition: 'PROFESSIONAL',
        departments: [
          { id: '7000000000101', name: 'Zylker Support', slug: 'zylker' },
          { id: '7000000000102', name: 'Partner Desk', slug: 'partners' },
        ],
      },
      {
        id: ZYLKER_LABS_ORG_ID,
        companyName: 'Zylker Labs',
        portalName: 'zylkerlabs',
        edition: 'ENTERPRISE',
        departments: [{ id: '7000000000201', name: 'Labs', slug: 'labs' }],
      },
    ],
    helpCenters: [
      {
        id: HC1,
        orgId: ZYLKER_ORG_ID,
        name: 'Zylker Community',
        portalName: 'zylkercommunity',
        portalId: '5c9470fc2b3e4a1d8e0f6a7b8c9d0e1f',
        departmentIds: ['7000000000101'],
      },
      {
        id: HC2,
        orgId: ZYLKER_ORG_ID,
        name: 'Zylker Partners',
        portalName: 'zylkerpartners',
        portalId: '6d0581ad3c4f5b2e9f107b8c9d0e1f20',
        departmentIds: ['7000000000102'],
      },
      {
        id: LABS_HC_ID,
        orgId: ZYLKER_LABS_ORG_ID,
        name: 'Zylker Labs Beta Community',
        portalName: 'zylkerlabs',
        portalId: '7e1692be4d506c3fa0218c9d0e1f2031',
        departmentIds: ['7000000000201'],
      },
    ],
    badges: [
      ...zylkerBadges(),
      {
        id: '24073000009953201',
        orgId: ZYLKER_LABS_ORG_ID,
        name: 'Early Adopter',
        description: 'Tried a Labs feature in its first week',
        isCustom: true,
        levelName: null,
        iconId: '21',
      },
      {
        id: '24073000009953202',
        orgId: ZYLKER_LABS_ORG_ID,
        name: 'Rising Star',
        description: 'Reached level 2 in the Labs community',
        isCustom: false,
        levelName: 'Level 2',
        iconId: '2',
      },
    ],
    labels: [
      {
        id: L.lock,
        orgId: ZYLKER_ORG_ID,
        helpCenterId: HC1,
        name: 'Lock Label',
        bgColor: '#39B54A',
        textColor: '#FFFFFF',
        shape: 'RECTANGLE',
      },
      {
        id: L.vip,
        orgId: ZYLKER_ORG_ID,
        helpCenterId: HC1,
        name: 'VIP',
        bgColor: '#8E44AD',
        textColor: '#FFFFFF',
        shape: 'ROUNDED',
      },
      {
        id: L.betaTester,
        orgId: ZYLKER_ORG_ID,
        helpCenterId: HC1,
        name: 'Beta Tester',
        bgColor: '#F39C12',
        textColor: '#000000',
        shape: 'RECTANGLE',
      },
      {
        id: L.reseller,
        orgId: ZYLKER_ORG_ID,
        helpCenterId: HC2,
        name: 'Reseller',
        bgColor: '#2980B9',
        textColor: '#FFFFFF',
        shape: 'ROUNDED',
      },
    ],
    users: [...zylker.users, ...labs.users],
    contacts: [
      ...zylker.contacts,
      ...labs.contacts,
      {
        id: NON_USER_CONTACT_ID,
        orgId: ZYLKER_ORG_ID,
        email: 'liam.walsh@example.com',
        firstName: 'Liam',
        lastName: 'Walsh',
      },
    ],
  };
}

/** A dataset with the orgs and help centers only: for tests that build their own users. */
export function emptyData(): Dataset {
  const demo = demoData();
  return { orgs: demo.orgs, helpCenters: demo.helpCenters, badges: [], labels: [], users: [], contacts: [] };
}

export function iconUrl(badge: Badge): string {
  return `https://desk.zoho.com/portal/api/publicImages/${badge.iconId}`;
}

export function photoUrl(user: User): string {
  return `https://desk.zoho.com/portal/api/portalUser/${user.portalUserId}/photo`;
}

/** Deep copy, so a reset never shares objects with what a test handed in or read out. */
export function cloneData(data: Dataset): Dataset {
  return structuredClone(data);
}

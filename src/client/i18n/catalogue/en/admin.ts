/** English texts for administration and changing a reset password (same keys as da/admin.ts). */
import type { adminDa, changePasswordDa } from '../da/admin.ts';
import type { Widen } from '../da.ts';

export const adminEn: Widen<typeof adminDa> = {
  title: 'Administration',
  introAdmin: 'Users in all teams. Needs a connection to the server.',
  introLeader: 'Users in your team. Needs a connection to the server.',
  retry: 'Try again',
  roles: { nurse: 'Health visitor', leader: 'Leader', admin: 'Administrator' },
  status: { active: 'Active', disabled: 'Disabled', mustChange: 'must change password' },
  users: {
    title_one: '{{count}} user',
    title_other: '{{count}} users',
    name: 'Name',
    username: 'Username',
    role: 'Role',
    team: 'Team',
    status: 'Status',
  },
  alerts: {
    title: 'Alerts',
    deadLetterQuota_one:
      '{{username}} has had many refused changes (over the limit {{count}} time). Contact the user – the device sends data the server cannot use.',
    deadLetterQuota_other:
      '{{username}} has had many refused changes (over the limit {{count}} times). Contact the user – the device sends data the server cannot use.',
  },
  create: {
    open: 'New user',
    title: 'Create user',
    username: 'Username',
    displayName: 'Name (shown in the app)',
    role: 'Role',
    team: 'Team',
    chooseTeam: 'Choose a team …',
    password: 'First password',
    passwordHint:
      'At least 10 characters and hard to guess – e.g. three or four random words. The user can change it later.',
    submit: 'Create user',
    creating: 'Creating …',
  },
  user: {
    title: 'User',
    account: 'Account',
    saved: 'The change is saved.',
    statusTitle: 'Access',
    isActive: 'The user can log in.',
    isDisabled: 'The user is disabled and cannot log in.',
    disable: 'Disable',
    enable: 'Enable again',
    disableConfirm:
      'Disable {{name}}? The user is logged out on every device and cannot log in until the account is enabled again.',
    disabled: 'The user is disabled and logged out everywhere.',
    enabled: 'The user can log in again.',
    resetTitle: 'Reset password',
    resetIntro:
      'Choose a temporary password and give it to the user. They must choose a new one at the next login, and are logged out on every device now.',
    temporaryPassword: 'Temporary password',
    reset: 'Reset password',
    resetDone: 'The password is reset. {{name}} must choose a new password at the next login.',
    mustChange: 'The user must choose a new password at the next login.',
  },
  devices: {
    title: 'Devices',
    none: 'The user has not synced from any device yet.',
    name: 'Device',
    unnamed: 'Unnamed device',
    registered: 'Registered',
    lastSync: 'Last synced',
    unsynced: 'Not synced (last reported)',
    notReported: 'not reported',
    actions: 'Actions',
    never: 'never',
    stale_one: 'not synced for over {{count}} day',
    stale_other: 'not synced for over {{count}} days',
    revoke: 'Revoke device',
    revokeNamed: 'Revoke device {{name}}',
    isRevoked: 'Revoked',
    confirm_one:
      'Revoke {{name}}? The device erases its local data at its next contact. It reported {{count}} change that is not synced – it will be lost.',
    confirm_other:
      'Revoke {{name}}? The device erases its local data at its next contact. It reported {{count}} changes that are not synced – they will be lost.',
    confirmUnknown:
      'Revoke {{name}}? The device erases its local data at its next contact. It has not reported whether anything is unsynced – whatever it has not sent will be lost.',
    revoked_one: '{{name}} is revoked. {{count}} unsynced change is lost.',
    revoked_other: '{{name}} is revoked. {{count}} unsynced changes are lost.',
    lost_one: '({{count}} lost)',
    lost_other: '({{count}} lost)',
  },
  errors: {
    offline: 'Administration needs a connection to the server. You are offline – try again when there is a network.',
    weak_password: 'The password is too weak: at least 10 characters, not the username and not easy to guess.',
    already_exists: 'The username is already taken.',
    forbidden: 'You are not allowed to do that (e.g. change an administrator or your own account).',
    not_found: 'The user does not exist – or belongs to another team.',
    unauthorized: 'Your login has expired. Log in again.',
    invalid_request: 'The details are not valid. Check the fields.',
    storage_unavailable: 'The server cannot save right now. Try again shortly.',
    other: 'That did not work. Try again.',
  },
};

export const changePasswordEn: Widen<typeof changePasswordDa> = {
  intro: 'Your password has been reset. Choose a new one before you continue.',
  current: 'Temporary password',
  new: 'New password',
  repeat: 'Repeat the new password',
  hint: 'At least 10 characters and hard to guess – e.g. three or four random words.',
  submit: 'Change password',
  saving: 'Saving …',
  mismatch: 'The two new passwords are not the same.',
  weak: 'The new password is too weak or the same as before. Choose a longer, less common one.',
  wrongCurrent: 'The temporary password is wrong.',
  offline: 'There is no connection to the server. Changing the password needs the network.',
  error: 'That did not work. Try again.',
};

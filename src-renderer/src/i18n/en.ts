// English UI text; exactly the keys of vi.ts (enforced by the Messages type and a test).
import type { Messages } from './messages';

export const en: Messages = {
  app: {
    name: 'LaborDesk',
    tagline: 'Overseas labour administration',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    refresh: 'Refresh',
    yes: 'Yes',
    no: 'No',
    notSet: 'Not set',
    shortcut: 'Shortcut: {{keys}}',
  },
  startup: {
    missingTokenTitle: 'Access token missing',
    missingTokenBody:
      'This page needs the access token of the session. Open the exact address LaborDesk printed when it started (the one with ?token=…).',
    failedTitle: 'Cannot connect to LaborDesk',
  },
  shell: {
    navigation: 'Navigation',
    toggleNavigation: 'Open or close the navigation',
    language: 'Interface language',
    colorScheme: 'Switch light / dark theme',
    languageNotSaved: 'The language was not changed: {{message}}',
  },
  languages: {
    vi: 'Tiếng Việt',
    en: 'English',
  },
  areas: {
    enterprises: 'Enterprises',
    contracts: 'Contracts',
    workers: 'Workers',
    filings: 'Signed filings',
    review: 'Review',
    reports: 'Reports',
    settings: 'Settings',
    about: 'About',
  },
  upcoming: {
    heading: 'This area is being built',
    enterprises: 'Enterprise records, branches, foreign employers and brokers will be managed here.',
    contracts: 'Supply contracts, placement contracts and contract registration will be here.',
    workers:
      'Worker lists, lookup by citizen ID, reconciliation with the population database and the electronic labour book will be here.',
    filings: 'Preparing filings, signing them with a USB token, submitting them to the portal and tracking receipts will be here.',
    review: 'Officers will review submitted filings here: request supplements, approve or reject.',
    reports: 'Six-monthly and annual periodic reports and statistics by locality will be here.',
  },
  settings: {
    intro: 'Settings are kept in the encrypted data store on this computer.',
    save: 'Save settings',
    undo: 'Undo changes',
    saved: 'Settings saved at {{time}}.',
    unsaved: 'There are unsaved changes.',
    sections: {
      connection: 'Connection',
      signing: 'Digital signature',
      display: 'Display',
    },
    fields: {
      portalUrl: {
        label: 'Portal address',
        description: 'The central portal filings are synchronised with. Leave empty if not connected yet.',
        invalid: 'Enter an address starting with https:// (for example https://portal.example.gov.vn) or leave it empty.',
      },
      pkcs11ModulePath: {
        label: 'USB token PKCS#11 library',
        description:
          "Full path to the signature provider's library file (.dll, .so or .dylib). Leave empty to detect it automatically.",
        invalid:
          'Enter a full path, for example C:\\Windows\\System32\\vnptca_p11.dll or /usr/lib/libvnptca.so, or leave it empty.',
      },
      uiLanguage: {
        label: 'Interface language',
        description: 'Applies to the whole application at once.',
        invalid: 'Choose Tiếng Việt or English.',
      },
      updateFeedUrl: {
        label: 'Update feed address',
        description: 'Where the application looks for new versions. Leave empty to use the default.',
        invalid: 'Enter an address starting with https:// or leave it empty.',
      },
    },
    tooLong: 'Too long: at most {{max}} characters.',
  },
  about: {
    intro: 'Version, data location and data protection status on this computer.',
    application: 'Application',
    version: 'Version',
    shell: 'Running as',
    shells: {
      electron: 'Desktop application',
      web: 'Browser (local server)',
    },
    dataDir: 'Data folder',
    keyProtection: 'Encryption key protection',
    keyProtections: {
      'os-keychain': 'Operating system keychain',
      passphrase: "User's passphrase",
      config: 'Fixed key from configuration (test mode)',
    },
    store: 'Data store',
    dbPath: 'Data file',
    encrypted: 'Encryption',
    encryptedYes: 'Encrypted',
    encryptedNo: 'Not encrypted',
    cipher: 'Cipher',
    schemaVersion: 'Schema version',
    journalMode: 'Journal mode',
    size: 'Size',
    audit: 'Audit log',
    auditIntact: 'Intact',
    auditIntactDetail: '{{checked}} entries checked; the hash chain is unbroken.',
    auditBroken: 'Broken',
    auditBrokenDetail: 'The chain is broken at entry {{seq}} ({{reason}}). Entries from there on can no longer be trusted.',
    auditReasons: {
      'hash-mismatch': 'hash does not match the content',
      'link-mismatch': 'not linked to the previous entry',
      gap: 'entries missing',
    },
    recentEntries: 'Recent activity',
    noEntries: 'No activity yet.',
    columns: {
      seq: 'No.',
      at: 'Time',
      actor: 'By',
      action: 'Activity',
      details: 'Details',
      hash: 'Hash',
    },
    actions: {
      vaultCreated: 'Data store created',
      vaultUnlocked: 'Data store unlocked',
      settingsChanged: 'Settings changed',
    },
    changedFields: 'Changed: {{fields}}',
  },
  vault: {
    setupTitle: 'Set up the data store',
    setupIntro:
      "LaborDesk keeps its data on this computer in an encrypted store. The encryption key is protected by the operating system's keychain.",
    setupIntroPassphrase:
      'LaborDesk keeps its data on this computer in an encrypted store. This computer has no operating system keychain, so set a passphrase to protect the data.',
    create: 'Create the data store',
    passphrase: 'Passphrase',
    passphraseHint: 'At least {{min}} characters. A sentence easy for you to remember and hard for others to guess works well.',
    passphraseRepeat: 'Repeat the passphrase',
    passphraseTooShort: 'The passphrase needs at least {{min}} characters; make it longer.',
    passphraseMismatch: 'The two entries differ; type them again so they match.',
    recoveryTitle: 'Recovery key',
    recoveryIntro:
      'This is the recovery key of the data store. It is shown this once only. If the passphrase is forgotten or the computer changes, only this key opens the data.',
    recoveryInstructions:
      'Print or copy the key and keep it somewhere safe, away from this computer. Do not send it by e-mail or chat.',
    recoveryPrintHeading: 'LaborDesk — Data store recovery key',
    recoveryPrintedOn: 'Created: {{date}}',
    print: 'Print the recovery key',
    savedConfirm: 'I have saved the recovery key',
    continue: 'Continue',
    unlockTitle: 'Unlock the data store',
    unlockIntro: 'The data store is locked. Enter the passphrase or the recovery key to continue.',
    unlockWith: 'Unlock with',
    methods: {
      passphrase: 'Passphrase',
      'recovery-key': 'Recovery key',
    },
    recoveryKey: 'Recovery key',
    recoveryKeyHint: '32 characters, e.g. ABCD-EFGH-…; the dashes are optional.',
    recoveryKeyInvalid: 'A recovery key has 32 letters A–Z and digits 2–7; check the printed copy.',
    unlock: 'Unlock',
    noUnlockMethod: 'There is no way to open the data store on this computer. Contact support.',
  },
};

// Area `settings`: the user's preferences kept in the encrypted store.
import { z } from 'zod';
import { LanguageSchema } from '../language';
import { defineArea } from './define';

const HttpUrlOrEmpty = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i.test(value), {
    message: 'must be an http:// or https:// address',
  });

/** An absolute path on Windows (C:\...), macOS or Linux (/...); empty means "detect". */
const ModulePathOrEmpty = z
  .string()
  .trim()
  .max(1024)
  .refine((value) => value === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), {
    message: 'must be an absolute path',
  })
  .refine((value) => !value.includes('\0'), { message: 'must not contain NUL' });

export const SettingsSchema = z.object({
  portalUrl: HttpUrlOrEmpty,
  pkcs11ModulePath: ModulePathOrEmpty,
  uiLanguage: LanguageSchema,
  updateFeedUrl: HttpUrlOrEmpty,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  portalUrl: '',
  pkcs11ModulePath: '',
  uiLanguage: 'vi',
  updateFeedUrl: '',
};

export const settingsContract = defineArea({
  'settings:get': { input: z.object({}).strict(), output: SettingsSchema },
  'settings:set': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
});

// UI languages: Vietnamese is the default, English is selectable.
import { z } from 'zod';

export const languages = ['vi', 'en'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;
export const defaultLanguage: Language = 'vi';

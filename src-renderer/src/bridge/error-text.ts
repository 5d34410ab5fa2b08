// The text to show for a coded error: the shared table in the UI's language, else the message sent.
import { errorMessage, isErrorCode } from '../../../src-common/errors';
import type { AppError } from '../../../src-common/result';
import { useLanguage } from '../i18n/use-language';

/**
 * Core localises with the stored language, but a locked store (no settings yet) and the preload
 * answer in Vietnamese: translating by code keeps every screen in one language.
 */
export function errorText(error: AppError, language: Parameters<typeof errorMessage>[1]): string {
  return isErrorCode(error.code) ? errorMessage(error.code, language) : error.message;
}

export function useErrorText(): (error: AppError) => string {
  const language = useLanguage();
  return (error) => errorText(error, language);
}

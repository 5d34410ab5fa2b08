// The portal's password rules as a checklist: each rule met or not as the user types, refusals in red.
import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPoint, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { passwordProblemMessages, type PasswordProblem } from '../../../src-common/domain/password-policy';
import { useLanguage } from '../i18n/use-language';

/** The rules worth showing before anything is typed (tooLong only matters to someone pasting a novel). */
const shownRules: PasswordProblem[] = ['tooShort', 'tooFewKinds', 'containsUsername', 'sameAsCurrent'];

export function PasswordPolicyList({ problems, checked }: { problems: readonly PasswordProblem[]; checked: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rules = [...shownRules, ...problems.filter((problem) => !shownRules.includes(problem))];
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('session.policyHeading')}
      </Text>
      <List size="sm" spacing={2} center data-testid="password-policy">
        {rules.map((rule) => {
          const failing = problems.includes(rule);
          const state = !checked ? 'unchecked' : failing ? 'unmet' : 'met';
          return (
            <List.Item
              key={rule}
              data-rule={rule}
              data-state={state}
              c={state === 'unmet' ? 'red' : undefined}
              icon={
                <ThemeIcon size={16} radius="xl" variant="light" color={state === 'met' ? 'green' : state === 'unmet' ? 'red' : 'gray'}>
                  {state === 'met' ? <IconCheck size={11} /> : state === 'unmet' ? <IconX size={11} /> : <IconPoint size={11} />}
                </ThemeIcon>
              }
            >
              {passwordProblemMessages[rule][language]}
              {checked && (
                <Text span size="xs" c="dimmed" ml={6}>
                  ({state === 'met' ? t('session.policyMet') : t('session.policyUnmet')})
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}

// "Đăng nhập bằng chữ ký số": the token library, the tokens' certificates (holder, MST, expiry), then the
// PIN in the shared PIN entry form; session:signInWithToken signs the portal's challenge on the token.
// The PIN is a plain call's argument, never a mutation's variables, so it never enters the query cache.
import { ActionIcon, Alert, Badge, Button, Group, Loader, Modal, Radio, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HttpUrlSchema, type TokenCertificateView } from '../../../src-common/contract';
import type { AppError } from '../../../src-common/result';
import { useBridge } from '../bridge/BridgeContext';
import { appErrorOf, callContract } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { ErrorPanel } from '../components/ErrorPanel';
import { queryKeys } from '../data/query-keys';
import { applySessionStatus } from '../data/use-session';
import { useSaveSettings } from '../data/use-settings';
import { distinguishedNameField, useTokenList, useTokenModules } from '../data/use-signing';
import { formatDate } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { PinEntryForm } from '../pages/signing/PinEntryForm';
import { isPortalUnreachable } from './session-errors';

/** Wrong or locked PINs are answered in the PIN dialog; everything else belongs to the panel. */
const pinCodes = new Set(['TOKEN_PIN_INCORRECT', 'TOKEN_PIN_LOCKED']);

const keyOf = (certificate: TokenCertificateView) => `${certificate.tokenLabel}/${certificate.id}`;

/** Why a certificate cannot sign in now, or null: expired, not yet valid, or no tax code to name the account. */
function unusableReason(certificate: TokenCertificateView, now: number): 'expired' | 'notYetValid' | 'noTaxCode' | null {
  if (certificate.daysLeft < 0 || new Date(certificate.validTo).getTime() < now) return 'expired';
  if (new Date(certificate.validFrom).getTime() > now) return 'notYetValid';
  if (!certificate.partyId?.startsWith('MST:')) return 'noTaxCode';
  return null;
}

export function TokenSignInPanel({ defaultPortalUrl }: { defaultPortalUrl: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const modules = useTokenModules();
  const list = useTokenList();
  const [portalUrl, setPortalUrl] = useState(defaultPortalUrl);
  const [portalUrlInvalid, setPortalUrlInvalid] = useState(false);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [choiceMissing, setChoiceMissing] = useState(false);
  const [pinFor, setPinFor] = useState<TokenCertificateView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const now = Date.now();
  const certificates = list.data?.certificates ?? [];
  const usable = certificates.filter((certificate) => unusableReason(certificate, now) === null);
  // The first usable certificate is proposed, so one Enter goes on to the PIN.
  const chosen = usable.find((certificate) => keyOf(certificate) === chosenKey) ?? usable[0] ?? null;
  const pinToken = list.data?.tokens.find((token) => token.label === pinFor?.tokenLabel);
  const pinState = pinToken ? { ...pinToken.pin, pinPad: pinToken.hasPinPad } : null;

  const refresh = () => {
    setFailure(null);
    void modules.refetch();
    void list.refetch();
  };

  const proceed = (event?: FormEvent) => {
    event?.preventDefault();
    const urlOk = HttpUrlSchema.safeParse(portalUrl).success;
    setPortalUrlInvalid(!urlOk);
    setChoiceMissing(!chosen);
    if (!urlOk || !chosen) return;
    setFailure(null);
    setPinFor(chosen);
  };

  const signIn = async (pin: string) => {
    if (!pinFor) return;
    setBusy(true);
    setFailure(null);
    try {
      const status = await callContract(bridge, 'session:signInWithToken', {
        portalUrl,
        tokenLabel: pinFor.tokenLabel,
        certificateId: pinFor.id,
        pin,
      });
      applySessionStatus(queryClient, status);
    } catch (error) {
      const appError = appErrorOf(error) ?? { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
      setFailure(appError);
      // Not a PIN problem: the PIN dialog has nothing more to ask; the panel says what to do.
      if (!pinCodes.has(appError.code)) setPinFor(null);
    } finally {
      setBusy(false);
      // A PIN entry changes the token's retry counters; a pulled-out token changes the list.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokenList });
    }
  };

  const panelFailure = failure && !pinCodes.has(failure.code) ? failure : null;
  const portalUrlError = portalUrlInvalid
    ? t('session.portalUrlInvalid')
    : isPortalUnreachable(panelFailure)
      ? t('session.portalUnreachable', { url: portalUrl })
      : null;

  return (
    <Stack gap="md" data-testid="token-sign-in">
      <Text size="sm">{t('session.token.intro')}</Text>
      <form noValidate onSubmit={proceed} aria-label={t('session.token.tokenTab')}>
        <Stack gap="sm">
          <TextInput
            label={t('session.portalUrl')}
            placeholder="https://"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={portalUrl}
            onChange={(event) => setPortalUrl(event.currentTarget.value)}
            error={portalUrlError}
          />
          <LibraryChoice modules={modules} />
          <CertificateChoice
            list={list}
            now={now}
            chosenKey={chosen ? keyOf(chosen) : null}
            onChoose={(key) => {
              setChosenKey(key);
              setChoiceMissing(false);
            }}
            onRefresh={refresh}
            onEnter={() => proceed()}
            error={choiceMissing ? t('session.token.certificateRequired') : null}
          />
          {panelFailure && !isPortalUnreachable(panelFailure) && (
            <Alert color="red" variant="light" role="alert" data-testid="token-sign-in-error" data-code={panelFailure.code}>
              {errorText(panelFailure)}
            </Alert>
          )}
          <Button type="submit" disabled={!list.isSuccess || usable.length === 0}>
            {t('session.token.continue')}
          </Button>
        </Stack>
      </form>
      <Modal opened={pinFor !== null} onClose={() => setPinFor(null)} title={t('session.token.pinTitle')} size="lg" centered>
        {pinFor && (
          <Stack data-testid="pin-dialog">
            <PinEntryForm
              key={keyOf(pinFor)}
              certificate={pinFor}
              pinState={pinState}
              failure={failure && pinCodes.has(failure.code) ? failure : null}
              busy={busy}
              submitLabel={t('session.token.signIn')}
              onSubmit={(pin) => void signIn(pin)}
              onCancel={() => setPinFor(null)}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** The PKCS#11 library to load: the one in use, or another found on this computer (saved in Settings). */
function LibraryChoice({ modules }: { modules: ReturnType<typeof useTokenModules> }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  if (modules.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (modules.isError) return <ErrorPanel error={modules.error} onRetry={() => void modules.refetch()} />;
  const present = modules.data.modules.filter((module) => module.present || module.path === modules.data.selected);
  if (present.length === 0) {
    return (
      <Alert color="orange" variant="light" role="alert">
        {t('session.token.libraryNone')}
      </Alert>
    );
  }
  // One entry per path: the custom path from Settings may also be a catalogue one.
  const options = [...new Map(present.map((module) => [module.path, module])).values()].map((module) => ({
    value: module.path,
    label: module.id === 'custom' ? `${t('signing.library.custom')} — ${module.path}` : `${module.name} — ${module.path}`,
  }));
  return (
    <Select
      label={t('session.token.library')}
      description={t('session.token.libraryHint')}
      data={options}
      value={modules.data.selected}
      allowDeselect={false}
      disabled={save.isPending}
      error={save.error ? <ErrorPanel error={save.error} /> : null}
      onChange={(path) => {
        if (path && path !== modules.data.selected) save.mutate({ pkcs11ModulePath: path });
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function CertificateChoice({
  list,
  now,
  chosenKey,
  onChoose,
  onRefresh,
  onEnter,
  error,
}: {
  list: ReturnType<typeof useTokenList>;
  now: number;
  chosenKey: string | null;
  onChoose: (key: string) => void;
  onRefresh: () => void;
  onEnter: () => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = (
    <Tooltip label={t('session.token.refresh')}>
      <ActionIcon variant="subtle" aria-label={t('session.token.refresh')} onClick={onRefresh} loading={list.isFetching}>
        <IconRefresh size={18} />
      </ActionIcon>
    </Tooltip>
  );
  const heading = (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" fw={500}>
        {t('session.token.certificates')}
      </Text>
      {refresh}
    </Group>
  );

  if (list.isPending) {
    return (
      <Stack gap={4}>
        {heading}
        <Loader size="sm" aria-label={t('common.loading')} />
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <Stack gap={4}>
        {heading}
        <ErrorPanel error={list.error} onRetry={onRefresh} />
      </Stack>
    );
  }
  const { tokens, certificates } = list.data;
  if (tokens.length === 0 || certificates.length === 0) {
    return (
      <Stack gap={4}>
        {heading}
        <Text size="sm" c="dimmed" role="status">
          {tokens.length === 0 ? t('session.token.noTokens') : t('session.token.noCertificates')}
        </Text>
      </Stack>
    );
  }

  // Native radios: arrows move the choice, Enter goes on to the PIN.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  };

  return (
    <Stack gap={4}>
      {heading}
      <Radio.Group
        value={chosenKey}
        onChange={onChoose}
        aria-label={t('session.token.certificates')}
        description={t('session.token.keyboardHint')}
        error={error}
        onKeyDown={onKeyDown}
      >
        <Stack gap="xs" mt={4}>
          {certificates.map((certificate) => {
            const reason = unusableReason(certificate, now);
            const holder = distinguishedNameField(certificate.subject, 'CN') ?? certificate.label;
            const mst = certificate.partyId?.startsWith('MST:') ? certificate.partyId.slice(4) : null;
            return (
              <Radio
                key={keyOf(certificate)}
                value={keyOf(certificate)}
                disabled={reason !== null}
                data-testid="token-certificate"
                data-id={certificate.id}
                aria-label={`${holder}${mst ? `, ${t('session.token.taxCode', { mst })}` : ''}`}
                label={
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {holder}
                    </Text>
                    <Group gap="xs">
                      {mst ? (
                        <Badge size="sm" tt="none" variant="light" styles={{ label: { overflow: 'visible' } }}>
                          {t('session.token.taxCode', { mst })}
                        </Badge>
                      ) : (
                        <Badge size="sm" tt="none" color="gray" variant="light" styles={{ label: { overflow: 'visible' } }}>
                          {t('session.token.noTaxCode')}
                        </Badge>
                      )}
                      {reason === 'expired' ? (
                        <Badge size="sm" tt="none" color="red" variant="filled" styles={{ label: { overflow: 'visible' } }}>
                          {t('session.token.expired', { date: formatDate(certificate.validTo, language) })}
                        </Badge>
                      ) : reason === 'notYetValid' ? (
                        <Badge size="sm" tt="none" color="gray" variant="light" styles={{ label: { overflow: 'visible' } }}>
                          {t('session.token.notYetValid', { date: formatDate(certificate.validFrom, language) })}
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('session.token.validUntil', { date: formatDate(certificate.validTo, language) })}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {t('session.token.onToken', { label: certificate.tokenLabel })}
                      </Text>
                    </Group>
                  </Stack>
                }
              />
            );
          })}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

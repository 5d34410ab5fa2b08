// The token area (token:modules, token:list) as queries. The test signature and the verifier are
// plain calls from their dialogs: a mutation would keep its variables (the PIN) in the query cache.
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export function useTokenModules() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.tokenModules,
    queryFn: () => callContract(bridge, 'token:modules', {}),
  });
}

export function useTokenList() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.tokenList,
    queryFn: () => callContract(bridge, 'token:list', {}),
  });
}

/** "CN=Công ty A\nUID=MST:0101…" (Node's X509 text): the value of one attribute, or null. */
export function distinguishedNameField(dn: string, field: string): string | null {
  const match = new RegExp(`(?:^|\\n)${field}=([^\\n]*)`).exec(dn);
  return match?.[1]?.trim() || null;
}

/** A file's bytes as base64, read in the browser (chunked: String.fromCharCode takes limited arguments). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The filings area (filings:*) as queries and mutations. Keys live under ['records', 'filing'], so the
// core's `records:changed` event for filings (a save, a submission, a pull) refreshes every screen.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FilingView, MethodInput } from '../../../src-common/contract';
import type { FilingType } from '../../../src-common/portal-api/filings';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export const filingPageSize = 200;

const filingKeys = {
  all: queryKeys.recordsOf('filing'),
  list: (search: string, type: FilingType | null) => [...queryKeys.recordsOf('filing'), 'list', { search, type }] as const,
  one: (filingId: string, version: number) => [...queryKeys.recordsOf('filing'), 'get', filingId, version] as const,
};

/** Pages of the list, fetched as the user scrolls (the virtualised list asks for the next one). */
export function useFilingList(search: string, type: FilingType | null) {
  const bridge = useBridge();
  return useInfiniteQuery({
    queryKey: filingKeys.list(search, type),
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      callContract(bridge, 'filings:list', { limit: filingPageSize, offset: pageParam, ...(search ? { search } : {}), ...(type ? { type } : {}) }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
}

export function useFiling(filingId: string | null, version: number | null) {
  const bridge = useBridge();
  return useQuery({
    queryKey: filingKeys.one(filingId ?? '', version ?? 0),
    queryFn: () => callContract(bridge, 'filings:get', { filingId: filingId!, version: version! }),
    enabled: filingId !== null && version !== null,
  });
}

function useFilingMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      if (isFilingView(result)) queryClient.setQueryData(filingKeys.one(result.filingId, result.version), result);
      void queryClient.invalidateQueries({ queryKey: filingKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
  });
}

function isFilingView(value: unknown): value is FilingView {
  return typeof value === 'object' && value !== null && 'filingId' in value && 'history' in value;
}

export function useSaveDraft() {
  const bridge = useBridge();
  return useFilingMutation((input: MethodInput<'filings:saveDraft'>) => callContract(bridge, 'filings:saveDraft', input));
}

export function useNewVersion() {
  const bridge = useBridge();
  return useFilingMutation((input: MethodInput<'filings:newVersion'>) => callContract(bridge, 'filings:newVersion', input));
}

export function useDeleteDraft() {
  const bridge = useBridge();
  return useFilingMutation((input: MethodInput<'filings:deleteDraft'>) => callContract(bridge, 'filings:deleteDraft', input));
}

/** Refetches every filing query (after "Ký và nộp", whose call is made by the signing dialog itself). */
export function useRefreshFilings(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: filingKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
  };
}

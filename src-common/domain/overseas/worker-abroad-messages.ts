// Vietnamese and English texts for the keys of worker events, liquidation and legal deadlines.
// The field keys these schemas share with the worker list (e.g. `citizenId`) are in messages.ts.
import type { Language } from '../../language';

export const workerAbroadMessages = {
  // Rules on a worker's timeline (worker-events.ts).
  'overseas.event.afterDeath': {
    vi: 'Không thể ghi nhận sự kiện sau ngày người lao động qua đời.',
    en: 'No event can be recorded after the worker died.',
  },
  'overseas.event.alreadyAbroad': {
    vi: 'Người lao động đang ở nước ngoài: phải ghi nhận việc về nước trước khi xuất cảnh lần nữa.',
    en: 'The worker is already abroad: record the return before another departure.',
  },
  'overseas.event.returnBeforeDeparture': {
    vi: 'Không thể ghi nhận về nước khi người lao động chưa xuất cảnh (hoặc đã về nước).',
    en: 'A return cannot be recorded before the worker has departed (or after they came back).',
  },
  'overseas.event.notAbroad': {
    vi: 'Sự kiện này chỉ ghi nhận được khi người lao động đang ở nước ngoài.',
    en: 'This event can only be recorded while the worker is abroad.',
  },
  'overseas.event.whileAbsconded': {
    vi: 'Người lao động đã được ghi nhận bỏ trốn khỏi nơi làm việc; không thể ghi nhận sự kiện này.',
    en: 'The worker is recorded as having left the workplace; this event cannot follow.',
  },
  'overseas.event.flightNumber': {
    vi: 'Số hiệu chuyến bay không đúng dạng (ví dụ VN310).',
    en: 'The flight number is not in the expected form (e.g. VN310).',
  },
  // Liquidation (liquidation.ts).
  'overseas.liquidation.earlyReturnNotBeforeEnd': {
    vi: 'Về nước trước hạn thì ngày về nước phải trước ngày hết hạn hợp đồng.',
    en: 'For an early return, the return date must be before the contract end date.',
  },
  'overseas.liquidation.agreedOnRequired': {
    vi: 'Hai bên đã thống nhất thanh lý: hãy nhập ngày thống nhất.',
    en: 'Both sides agreed: enter the date of the agreement.',
  },
  'overseas.liquidation.agreedOnWithoutAgreement': {
    vi: 'Chỉ nhập ngày thống nhất khi hai bên đã thống nhất thanh lý.',
    en: 'Enter an agreement date only when both sides have agreed.',
  },
  'overseas.liquidation.otherNeedsDescription': {
    vi: 'Có khoản thanh toán khác: hãy ghi rõ nội dung khoản đó.',
    en: 'There is an other amount: describe what it is for.',
  },
  // Worker status.
  'overseas.status.notDeparted': { vi: 'Chưa xuất cảnh', en: 'Not departed' },
  'overseas.status.abroad': { vi: 'Đang làm việc ở nước ngoài', en: 'Working abroad' },
  'overseas.status.absconded': { vi: 'Bỏ trốn khỏi nơi làm việc', en: 'Left the workplace' },
  'overseas.status.returned': { vi: 'Đã về nước đúng hạn', en: 'Returned on term' },
  'overseas.status.returnedEarly': { vi: 'Về nước trước hạn', en: 'Returned early' },
  'overseas.status.deceased': { vi: 'Đã qua đời', en: 'Deceased' },
  // Event types.
  'overseas.eventType.departed': { vi: 'Xuất cảnh', en: 'Departed' },
  'overseas.eventType.employerChanged': { vi: 'Chuyển chủ sử dụng', en: 'Employer changed' },
  'overseas.eventType.incident': { vi: 'Sự cố', en: 'Incident' },
  'overseas.eventType.dispute': { vi: 'Tranh chấp', en: 'Dispute' },
  'overseas.eventType.leftWorkplace': { vi: 'Bỏ trốn khỏi nơi làm việc', en: 'Left the workplace' },
  'overseas.eventType.returnedOnTerm': { vi: 'Về nước đúng hạn', en: 'Returned on term' },
  'overseas.eventType.returnedEarly': { vi: 'Về nước trước hạn', en: 'Returned early' },
  'overseas.eventType.deceased': { vi: 'Qua đời', en: 'Deceased' },
  // Incident kinds.
  'overseas.incidentKind.accident': { vi: 'Tai nạn', en: 'Accident' },
  'overseas.incidentKind.illness': { vi: 'Ốm đau, bệnh tật', en: 'Illness' },
  'overseas.incidentKind.labourDispute': { vi: 'Tranh chấp lao động', en: 'Labour dispute' },
  'overseas.incidentKind.other': { vi: 'Khác', en: 'Other' },
  // Parties of a dispute.
  'overseas.disputeParty.employer': { vi: 'Chủ sử dụng lao động', en: 'Employer' },
  'overseas.disputeParty.enterprise': { vi: 'Doanh nghiệp dịch vụ', en: 'Service enterprise' },
  'overseas.disputeParty.broker': { vi: 'Bên môi giới', en: 'Broker' },
  'overseas.disputeParty.coworker': { vi: 'Người lao động khác', en: 'Another worker' },
  'overseas.disputeParty.other': { vi: 'Khác', en: 'Other' },
  // Reasons for an early return, and for a liquidation.
  'overseas.earlyReturnReason.contractTerminated': { vi: 'Chấm dứt hợp đồng', en: 'Contract terminated' },
  'overseas.earlyReturnReason.health': { vi: 'Sức khoẻ', en: 'Health' },
  'overseas.earlyReturnReason.employerBreach': { vi: 'Chủ sử dụng vi phạm hợp đồng', en: 'Employer breach' },
  'overseas.earlyReturnReason.workerBreach': { vi: 'Người lao động vi phạm hợp đồng', en: 'Worker breach' },
  'overseas.earlyReturnReason.forceMajeure': { vi: 'Sự kiện bất khả kháng', en: 'Force majeure' },
  'overseas.earlyReturnReason.other': { vi: 'Lý do khác', en: 'Other reason' },
  'overseas.liquidationReason.contractCompleted': { vi: 'Hoàn thành hợp đồng', en: 'Contract completed' },
  'overseas.liquidationReason.deceased': { vi: 'Người lao động qua đời', en: 'Worker deceased' },
  // Legal deadlines (deadlines.ts): a title for the board and the rule it applies.
  'deadline.workerDepartureUpdate.title': { vi: 'Cập nhật thông tin người lao động xuất cảnh', en: "Report the worker's departure" },
  'deadline.workerDepartureUpdate.basis': {
    vi: 'Cập nhật thông tin người lao động trong thời hạn 05 ngày kể từ ngày người lao động xuất cảnh.',
    en: "The worker's information is updated within 5 days of their departure.",
  },
  'deadline.workerMonthlyUpdate.title': { vi: 'Cập nhật thông tin thay đổi hằng tháng', en: 'Monthly update of changes' },
  'deadline.workerMonthlyUpdate.basis': {
    vi: 'Thông tin thay đổi của người lao động được cập nhật chậm nhất ngày 20 hằng tháng (thay đổi từ ngày 15 trở đi tính vào kỳ tháng sau).',
    en: "Changes to a worker's information are reported by the 20th of each month (changes from the 15th on belong to the next month).",
  },
  'deadline.branchChange.title': { vi: 'Thông báo thay đổi chi nhánh', en: 'Notify the branch change' },
  'deadline.branchChange.basis': {
    vi: 'Thông báo việc thành lập, thay đổi hoặc chấm dứt hoạt động của chi nhánh trong thời hạn 05 ngày làm việc.',
    en: 'A branch opened, changed or closed is notified within 5 working days.',
  },
  'deadline.liquidation.title': { vi: 'Thanh lý hợp đồng', en: 'Liquidate the contract' },
  'deadline.liquidation.basis': {
    vi: 'Thanh lý hợp đồng đưa người lao động đi làm việc ở nước ngoài trong thời hạn 180 ngày kể từ ngày hợp đồng chấm dứt.',
    en: "The worker's placement contract is liquidated within 180 days after it ends.",
  },
  'deadline.annualReport.title': { vi: 'Báo cáo định kỳ hằng năm', en: 'Annual report' },
  'deadline.annualReport.basis': {
    vi: 'Doanh nghiệp gửi báo cáo hằng năm trước ngày 20 tháng 12.',
    en: 'The enterprise files its annual report before 20 December.',
  },
  'deadline.workerListBeforeVisa.title': { vi: 'Nộp danh sách người lao động', en: 'File the worker list' },
  'deadline.workerListBeforeVisa.basis': {
    vi: 'Danh sách người lao động được nộp ít nhất 05 ngày làm việc trước ngày nộp hồ sơ xin thị thực.',
    en: 'The worker list is filed at least 5 working days before the visa application.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type WorkerAbroadMessageKey = keyof typeof workerAbroadMessages;

export function isWorkerAbroadMessageKey(value: unknown): value is WorkerAbroadMessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(workerAbroadMessages, value);
}

export function workerAbroadMessage(key: WorkerAbroadMessageKey, language: Language): string {
  return workerAbroadMessages[key][language];
}

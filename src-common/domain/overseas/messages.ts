// Vietnamese and English texts of the overseas rules' message keys (the `message` of their zod issues).
// Like errors.ts: the key is the stable part; a form, an import report or the portal shows the text.
import type { Language } from '../../language';

export const overseasRuleMessages = {
  // Field forms.
  citizenId: {
    vi: 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số với mã tỉnh nơi đăng ký khai sinh hợp lệ.',
    en: 'The citizen ID must be 12 digits starting with a valid province code of birth registration.',
  },
  personName: {
    vi: 'Họ và tên chỉ gồm chữ cái, dấu cách, dấu nháy, dấu chấm và gạch nối.',
    en: 'The full name may contain only letters, spaces, apostrophes, dots and hyphens.',
  },
  vietnameseMobile: {
    vi: 'Số điện thoại di động Việt Nam gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84).',
    en: 'A Vietnamese mobile number has 10 digits starting with 03, 05, 07, 08 or 09 (or +84).',
  },
  currencyCode: {
    vi: 'Mã tiền tệ gồm 3 chữ cái in hoa theo ISO 4217 (ví dụ JPY, KRW, USD).',
    en: 'The currency is a 3-letter ISO 4217 code in capitals (e.g. JPY, KRW, USD).',
  },
  passportNumber: {
    vi: 'Số hộ chiếu Việt Nam gồm một chữ cái và 7 chữ số (ví dụ C1234567).',
    en: 'A Vietnamese passport number is one letter and 7 digits (e.g. C1234567).',
  },
  sha256: {
    vi: 'Mã băm SHA-256 của tệp đính kèm phải gồm 64 ký tự hệ 16 viết thường.',
    en: "The attachment's SHA-256 hash must be 64 lower-case hexadecimal characters.",
  },
  termMonthsOrDays: {
    vi: 'Thời hạn hợp đồng ghi theo tháng hoặc theo ngày (chỉ một trong hai).',
    en: 'Give the contract term in months or in days (one of the two).',
  },
  // One worker.
  citizenIdBirthMismatch: {
    vi: 'Số CCCD không khớp với năm sinh (chữ số thứ 4 chỉ thế kỷ, chữ số thứ 5–6 là năm sinh).',
    en: 'The citizen ID does not match the birth year (digit 4 gives the century, digits 5–6 the year).',
  },
  citizenIdGenderMismatch: {
    vi: 'Số CCCD không khớp với giới tính (chữ số thứ 4: chẵn là nam, lẻ là nữ).',
    en: 'The citizen ID does not match the gender (digit 4: even for male, odd for female).',
  },
  workerUnderage: {
    vi: 'Người lao động phải đủ 18 tuổi vào ngày dự kiến xuất cảnh (Điều 44 Luật số 69/2020/QH14).',
    en: 'The worker must be 18 full years old on the planned departure date (Law 69/2020/QH14, Art. 44).',
  },
  passportExpiresBeforeContractEnd: {
    vi: 'Hộ chiếu phải còn hạn sau ngày kết thúc hợp đồng.',
    en: 'The passport must remain valid after the contract ends.',
  },
  duplicateWorker: {
    vi: 'Người lao động này (cùng số CCCD) đã có trong danh sách.',
    en: 'This worker (same citizen ID) is already in the list.',
  },
  // The contract.
  internshipUnder90DaysFileWorkerList: {
    vi: 'Hợp đồng thực tập dưới 90 ngày không đăng ký hợp đồng; hãy nộp danh sách người lao động.',
    en: 'An internship of under 90 days is not registered; file a worker list instead.',
  },
  internship90DaysOrMoreFileRegistration: {
    vi: 'Hợp đồng thực tập từ 90 ngày trở lên phải đăng ký hợp đồng, không nộp danh sách người lao động.',
    en: 'An internship of 90 days or more must be registered as a contract, not filed as a worker list.',
  },
  contractStartsBeforeSigning: {
    vi: 'Ngày bắt đầu hợp đồng không được trước ngày ký.',
    en: 'The contract cannot start before it is signed.',
  },
  hostCountryIsVietnam: {
    vi: 'Nước tiếp nhận phải là nước ngoài.',
    en: 'The host country must be a foreign country.',
  },
  demandMinimumAgeUnder18: {
    vi: 'Độ tuổi tuyển tối thiểu không được dưới 18.',
    en: 'The minimum age of the workers sought cannot be under 18.',
  },
  ageRangeInverted: {
    vi: 'Độ tuổi tối đa phải lớn hơn hoặc bằng độ tuổi tối thiểu.',
    en: 'The maximum age must be at least the minimum age.',
  },
  workersExceedDemand: {
    vi: 'Danh sách có nhiều người lao động hơn số lượng hợp đồng tuyển.',
    en: 'The list has more workers than the contract asks for.',
  },
  // Fees.
  feeCurrencyMismatch: {
    vi: 'Tiền dịch vụ và tiền môi giới phải ghi cùng loại tiền với tiền lương hợp đồng.',
    en: 'The service fee and brokerage commission must be in the currency of the contract wage.',
  },
  serviceFeeExceedsCap: {
    vi: 'Tiền dịch vụ vượt mức trần: không quá 1 tháng lương cho mỗi 12 tháng làm việc, tối đa 3 tháng lương với hợp đồng từ 36 tháng.',
    en: "The service fee exceeds the cap: at most one month's wage per 12 months of work, at most three months' wages for contracts of 36 months or more.",
  },
  brokerCommissionExceedsCap: {
    vi: 'Tiền môi giới người lao động hoàn trả vượt mức trần: không quá 0,7 tháng lương cho mỗi 12 tháng làm việc, tối đa 2,1 tháng lương.',
    en: "The brokerage commission the worker refunds exceeds the cap: at most 0.7 month's wage per 12 months of work, at most 2.1 months' wages.",
  },
  brokerCommissionWithoutBroker: {
    vi: 'Có tiền môi giới thì phải chọn bên môi giới.',
    en: 'A brokerage commission needs a broker.',
  },
  // Attachments.
  attachmentRegistrationLetterMissing: {
    vi: 'Thiếu văn bản đăng ký hợp đồng.',
    en: 'The registration letter is missing.',
  },
  attachmentContractCopyMissing: {
    vi: 'Thiếu bản sao hợp đồng.',
    en: 'The copy of the contract is missing.',
  },
  attachmentCertifiedTranslationMissing: {
    vi: 'Thiếu bản dịch tiếng Việt có chứng thực của hợp đồng.',
    en: 'The certified Vietnamese translation of the contract is missing.',
  },
  attachmentEmployerLegalStatusMissing: {
    vi: 'Thiếu giấy tờ chứng minh tư cách pháp lý của người sử dụng lao động nước ngoài.',
    en: "The proof of the foreign employer's legal status is missing.",
  },
} as const satisfies Record<string, Record<Language, string>>;

export type OverseasRuleKey = keyof typeof overseasRuleMessages;

export function isOverseasRuleKey(value: unknown): value is OverseasRuleKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(overseasRuleMessages, value);
}

export function overseasRuleMessage(key: OverseasRuleKey, language: Language): string {
  return overseasRuleMessages[key][language];
}

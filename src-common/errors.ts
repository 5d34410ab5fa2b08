// Stable error codes and their messages in Vietnamese and English; shared by core, portal and UI.
import type { Language } from './language';

export const errorMessages = {
  VALIDATION_FAILED: {
    vi: 'Dữ liệu nhập chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.',
    en: 'Some input is not valid. Please correct the marked fields.',
  },
  UNKNOWN_METHOD: {
    vi: 'Chức năng không tồn tại.',
    en: 'This function does not exist.',
  },
  FORBIDDEN_SENDER: {
    vi: 'Yêu cầu đến từ nguồn không được phép và đã bị từ chối.',
    en: 'The request came from an untrusted source and was refused.',
  },
  INTERNAL_ERROR: {
    vi: 'Đã xảy ra lỗi không mong muốn. Dữ liệu của bạn không bị thay đổi; vui lòng thử lại.',
    en: 'An unexpected error occurred. Your data was not changed; please try again.',
  },
  STORE_LOCKED: {
    vi: 'Kho dữ liệu đang khoá. Hãy mở khoá bằng mật khẩu hoặc khoá khôi phục.',
    en: 'The data store is locked. Unlock it with your passphrase or recovery key.',
  },
  STORE_ALREADY_SET_UP: {
    vi: 'Kho dữ liệu đã được khởi tạo trước đó.',
    en: 'The data store has already been set up.',
  },
  VAULT_PASSPHRASE_REQUIRED: {
    vi: 'Máy này không có kho khoá của hệ điều hành. Hãy đặt mật khẩu (ít nhất 12 ký tự) để bảo vệ dữ liệu.',
    en: 'This computer has no OS keychain. Set a passphrase (at least 12 characters) to protect the data.',
  },
  VAULT_UNLOCK_FAILED: {
    vi: 'Mật khẩu hoặc khoá khôi phục không đúng.',
    en: 'The passphrase or recovery key is not correct.',
  },
  DB_KEY_INVALID: {
    vi: 'Không mở được kho dữ liệu: khoá mã hoá không đúng. Tệp dữ liệu không bị thay đổi.',
    en: 'Cannot open the data store: the encryption key is wrong. The data file was not changed.',
  },
  DB_SCHEMA_TOO_NEW: {
    vi: 'Kho dữ liệu được tạo bởi phiên bản LaborDesk mới hơn. Hãy cập nhật ứng dụng để mở.',
    en: 'The data store was created by a newer LaborDesk. Update the app to open it.',
  },
  DB_DISK_FULL: {
    vi: 'Ổ đĩa đã đầy nên thay đổi chưa được lưu. Dữ liệu cũ vẫn nguyên vẹn; hãy giải phóng dung lượng rồi thử lại.',
    en: 'The disk is full, so the change was not saved. Existing data is intact; free some space and retry.',
  },
  DB_READONLY: {
    vi: 'Không ghi được vào thư mục dữ liệu (chỉ đọc).',
    en: 'The data folder is read-only.',
  },
  DB_BUSY: {
    vi: 'Kho dữ liệu đang bận. Vui lòng thử lại sau giây lát.',
    en: 'The data store is busy. Please retry in a moment.',
  },
  DB_CORRUPT: {
    vi: 'Tệp dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.',
    en: 'The data file is damaged. Restore it from a backup.',
  },
  // Portal (reference central portal and the client that talks to it).
  AUTH_REQUIRED: {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session is invalid or has expired. Please sign in again.',
  },
  AUTH_INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is not correct.',
  },
  AUTH_ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau.',
    en: 'The account is temporarily locked after too many wrong passwords. Please try again later.',
  },
  AUTH_ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.',
    en: 'The account is disabled. Contact the system administrator.',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password before continuing.',
  },
  AUTH_TEMPORARY_PASSWORD_EXPIRED: {
    vi: 'Mật khẩu tạm thời đã hết hạn. Hãy đề nghị quản trị cấp lại.',
    en: 'The temporary password has expired. Ask the administrator for a new one.',
  },
  CURRENT_PASSWORD_INCORRECT: {
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is not correct.',
  },
  PASSWORD_POLICY: {
    vi: 'Mật khẩu mới chưa đạt yêu cầu an toàn.',
    en: 'The new password does not meet the password policy.',
  },
  FORBIDDEN: {
    vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
    en: 'Your account is not allowed to do this.',
  },
  BRANCH_FUNCTION_NOT_GRANTED: {
    vi: 'Chi nhánh chưa được doanh nghiệp phân quyền chức năng này.',
    en: 'The enterprise has not delegated this function to the branch.',
  },
  // Overseas filings: a fee over the statutory cap (src-common/domain/overseas/fee-caps.ts).
  FEE_CAP_EXCEEDED: {
    vi: 'Tiền dịch vụ hoặc tiền môi giới người lao động phải trả vượt mức trần theo quy định.',
    en: 'The service fee or brokerage commission the workers pay exceeds the statutory cap.',
  },
  // Dossier attachments (src-common/domain/attachment-files.ts): bytes kept encrypted, named by SHA-256.
  ATTACHMENT_MISSING: {
    vi: 'Hồ sơ có tệp đính kèm chưa được lưu (trên máy hoặc trên cổng trung tâm). Hãy thêm lại đúng tệp đã ký rồi gửi lại.',
    en: 'The filing names an attachment whose file is not stored (on this computer or on the portal). Add the signed file again, then resend.',
  },
  ATTACHMENT_TYPE_MISMATCH: {
    vi: 'Nội dung tệp không đúng loại đã khai (chỉ nhận PDF, JPEG hoặc PNG).',
    en: 'The file is not of the declared type (only PDF, JPEG or PNG are accepted).',
  },
  ATTACHMENT_HASH_MISMATCH: {
    vi: 'Nội dung tệp không khớp mã băm SHA-256 đã khai; tệp có thể đã bị thay đổi.',
    en: 'The file does not match its declared SHA-256 hash; it may have been altered.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy dữ liệu (hoặc bạn không có quyền xem).',
    en: 'Not found (or you are not allowed to see it).',
  },
  CONFLICT: {
    vi: 'Dữ liệu trùng với bản ghi đã có.',
    en: 'This conflicts with an existing record.',
  },
  VERSION_CONFLICT: {
    vi: 'Phiên bản hồ sơ không hợp lệ: đã có phiên bản mới hơn hoặc thiếu phiên bản trước.',
    en: 'Wrong filing version: a newer version exists or the previous one is missing.',
  },
  MUTATION_ID_CONFLICT: {
    vi: 'Mã thay đổi đã được dùng cho dữ liệu khác.',
    en: 'This change id was already used for other data.',
  },
  UNKNOWN_MUTATION_KIND: {
    vi: 'Loại thay đổi không được cổng hỗ trợ.',
    en: 'The portal does not support this kind of change.',
  },
  RATE_LIMITED: {
    vi: 'Quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Dữ liệu gửi lên quá lớn.',
    en: 'The request is too large.',
  },
  // Client side of the portal connection.
  SYNC_OFFLINE: {
    vi: 'Không kết nối được cổng trung tâm. Bạn vẫn làm việc bình thường; thay đổi sẽ được gửi khi có mạng.',
    en: 'The central portal cannot be reached. You can keep working; changes are sent when the connection is back.',
  },
  PORTAL_UNAVAILABLE: {
    vi: 'Cổng trung tâm đang gặp sự cố. Ứng dụng sẽ tự thử lại.',
    en: 'The central portal is having trouble. The app will retry by itself.',
  },
  PORTAL_RESPONSE_INVALID: {
    vi: 'Cổng trung tâm trả lời không đúng định dạng. Ứng dụng sẽ thử lại.',
    en: 'The central portal sent an answer that could not be read. The app will retry.',
  },
  SIGN_IN_REQUIRED: {
    vi: 'Bạn cần đăng nhập cổng trung tâm để dùng chức năng này.',
    en: 'Sign in to the central portal to use this.',
  },
  SYNC_ITEM_NOT_FOUND: {
    vi: 'Không tìm thấy thay đổi này trong danh sách cần xử lý.',
    en: 'This change is not in the needs-attention list.',
  },
  // USB token (PKCS#11) and certificates.
  TOKEN_MODULE_NOT_FOUND: {
    vi: 'Không tìm thấy thư viện PKCS#11 của USB token. Hãy cài trình điều khiển của nhà cung cấp chữ ký số hoặc chọn đúng đường dẫn trong Cài đặt.',
    en: "The USB token's PKCS#11 library was not found. Install the CA's token driver or set the right path in Settings.",
  },
  TOKEN_NOT_FOUND: {
    vi: 'Không thấy USB token nào. Hãy cắm token rồi thử lại.',
    en: 'No USB token found. Plug in the token and try again.',
  },
  TOKEN_PIN_INCORRECT: {
    vi: 'Mã PIN không đúng. Lưu ý: token sẽ bị khoá sau vài lần nhập sai liên tiếp.',
    en: 'The PIN is not correct. Note: the token locks after a few wrong PINs in a row.',
  },
  TOKEN_PIN_LOCKED: {
    vi: 'Mã PIN của token đã bị khoá. Hãy liên hệ nhà cung cấp chữ ký số để mở khoá.',
    en: "The token's PIN is locked. Contact the certificate provider to unlock it.",
  },
  TOKEN_REMOVED: {
    vi: 'USB token đã bị rút ra hoặc mất kết nối. Các hồ sơ đã ký vẫn được giữ; hãy cắm lại token để ký tiếp.',
    en: 'The USB token was removed or disconnected. Filings already signed are kept; plug the token back in to continue.',
  },
  TOKEN_KEY_NOT_FOUND: {
    vi: 'Không tìm thấy khoá ký tương ứng với chứng thư số trên token.',
    en: 'The signing key for this certificate was not found on the token.',
  },
  FILING_ALREADY_SUBMITTED: {
    vi: 'Hồ sơ này đã được nộp và không sửa được nữa; hãy tạo phiên bản bổ sung nếu cần.',
    en: 'This filing has been submitted and can no longer be changed; create a supplementary version if needed.',
  },
  TOKEN_MECHANISM_UNSUPPORTED: {
    vi: 'Token không hỗ trợ thuật toán ký cần dùng (RSA PKCS#1 v1.5 SHA-256 hoặc ECDSA).',
    en: 'The token does not offer the signing algorithm needed (RSA PKCS#1 v1.5 SHA-256 or ECDSA).',
  },
  CERT_KEY_TOO_WEAK: {
    vi: 'Khoá của chứng thư số quá yếu (RSA dưới 2048 bit hoặc EC dưới 256 bit) nên không được dùng để ký.',
    en: "The certificate's key is too weak (RSA under 2048 bits or EC under 256 bits) to sign with.",
  },
  SIGNING_CANCELLED: {
    vi: 'Đã dừng ký theo yêu cầu. Các hồ sơ đã ký vẫn được giữ.',
    en: 'Signing was stopped on request. Filings already signed are kept.',
  },
  CERT_EXPIRED: {
    vi: 'Chứng thư số đã hết hạn.',
    en: 'The certificate has expired.',
  },
  CERT_NOT_YET_VALID: {
    vi: 'Chứng thư số chưa đến ngày có hiệu lực.',
    en: 'The certificate is not valid yet.',
  },
  // Token sign-in: the certificate's tax code names the enterprise administrator on the portal.
  TOKEN_SIGN_IN_NO_TAX_CODE: {
    vi: 'Chứng thư số này không có mã số thuế (MST) nên không dùng để đăng nhập được. Hãy chọn chứng thư số của doanh nghiệp.',
    en: 'This certificate carries no tax code (MST), so it cannot be used to sign in. Choose the enterprise certificate.',
  },
  TOKEN_SIGN_IN_NO_ACCOUNT: {
    vi: 'Mã số thuế trên chứng thư số không gắn với tài khoản quản trị doanh nghiệp nào trên cổng trung tâm. Hãy đăng nhập bằng mật khẩu hoặc liên hệ cơ quan quản lý.',
    en: "The certificate's tax code is not linked to any enterprise administrator account on the central portal. Sign in with a password or contact the authority.",
  },
  TOKEN_SIGN_IN_CHALLENGE_EXPIRED: {
    vi: 'Mã xác thực đăng nhập đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.',
    en: 'The sign-in challenge expired or was already used. Please sign in again.',
  },
  SIGNATURE_REQUIRED: {
    vi: 'Hồ sơ phải được ký số trước khi nộp.',
    en: 'The filing must be digitally signed before it is submitted.',
  },
  SIGNATURE_INVALID: {
    vi: 'Chữ ký số không hợp lệ: nội dung đã bị thay đổi sau khi ký hoặc chữ ký bị hỏng.',
    en: 'The digital signature is not valid: the content changed after signing, or the signature is damaged.',
  },
  SIGNATURE_UNTRUSTED: {
    vi: 'Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực tin cậy cấp.',
    en: 'The certificate was not issued by a trusted certification authority.',
  },
  SIGNATURE_KEY_USAGE: {
    vi: 'Chứng thư số không được phép dùng để ký.',
    en: 'The certificate may not be used for signing.',
  },
  SIGNATURE_PARTY_MISMATCH: {
    vi: 'Mã số thuế / số định danh trên chứng thư số không khớp với đơn vị nộp hồ sơ.',
    en: 'The tax code / ID on the certificate does not match the filing party.',
  },
  // Signature timestamps (RFC 3161, CAdES-T): when a signature is proven to have existed.
  SIGNATURE_TIMESTAMP_MISSING: {
    vi: 'Chữ ký số chưa có dấu thời gian.',
    en: 'The digital signature has no timestamp.',
  },
  SIGNATURE_TIMESTAMP_INVALID: {
    vi: 'Dấu thời gian của chữ ký số không hợp lệ: không khớp với chữ ký hoặc đã bị thay đổi.',
    en: "The signature's timestamp is not valid: it does not match the signature, or it was altered.",
  },
  SIGNATURE_TIMESTAMP_UNTRUSTED: {
    vi: 'Dấu thời gian không do máy chủ cấp dấu thời gian tin cậy cấp.',
    en: 'The timestamp was not issued by a trusted timestamping authority.',
  },
  TIMESTAMP_UNAVAILABLE: {
    vi: 'Chưa lấy được dấu thời gian từ cổng trung tâm. Hồ sơ vẫn được giữ và sẽ được gắn dấu thời gian khi có kết nối.',
    en: 'No timestamp could be obtained from the central portal. The filing is kept and will be timestamped when the connection is back.',
  },
  // Manifest signing: the batch's signature is fine but this filing is not the one the manifest covers.
  SIGNATURE_MANIFEST_PROOF_INVALID: {
    vi: 'Hồ sơ không khớp với bảng kê đã ký số: nội dung đã bị thay đổi sau khi ký hoặc bằng chứng đi kèm bị hỏng.',
    en: 'The filing does not match the signed manifest: its content changed after signing, or its inclusion proof is damaged.',
  },
  // Spreadsheet import (.xlsx / .csv): the file itself cannot be read; bad rows are reported per row instead.
  SPREADSHEET_FORMAT_UNSUPPORTED: {
    vi: 'Chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv). Với tệp .xls, hãy mở bằng Excel và lưu lại dạng .xlsx.',
    en: 'Only Excel (.xlsx) or CSV (.csv) files can be imported. Open an .xls file in Excel and save it as .xlsx.',
  },
  SPREADSHEET_ENCODING_UNSUPPORTED: {
    vi: 'Tệp CSV không ở bảng mã UTF-8. Trong Excel, hãy lưu lại bằng "CSV UTF-8 (Comma delimited)".',
    en: 'The CSV file is not UTF-8. In Excel, save it again as "CSV UTF-8 (Comma delimited)".',
  },
  SPREADSHEET_UNREADABLE: {
    vi: 'Không đọc được tệp bảng tính: tệp bị hỏng hoặc không phải tệp Excel.',
    en: 'The spreadsheet cannot be read: the file is damaged or is not an Excel file.',
  },
  SPREADSHEET_SHEET_NOT_FOUND: {
    vi: 'Không tìm thấy trang tính cần nhập trong tệp.',
    en: 'The worksheet to import was not found in the file.',
  },
  SPREADSHEET_COLUMNS_MISSING: {
    vi: 'Tệp thiếu cột bắt buộc (xem chi tiết); hãy dùng tiêu đề cột theo mẫu.',
    en: 'The file lacks required columns (see details); use the template’s column titles.',
  },
  SPREADSHEET_EMPTY: {
    vi: 'Tệp không có dòng tiêu đề hoặc không có dữ liệu.',
    en: 'The file has no header row or no data.',
  },
  // Made by the renderer's WebSocket bridge, not by core: the socket dropped before the answer came.
  BRIDGE_DISCONNECTED: {
    vi: 'Mất kết nối với LaborDesk trước khi nhận được kết quả. Ứng dụng đang kết nối lại; hãy kiểm tra rồi thử lại.',
    en: 'The connection to LaborDesk was lost before the answer arrived. Reconnecting; check and try again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value);
}

export function errorMessage(code: ErrorCode, language: Language): string {
  return errorMessages[code][language];
}

/**
 * Thrown inside core services; the dispatcher turns it into the Result envelope.
 * Callers match on `.code` (a string), never on the class, so errors survive any boundary.
 */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, details?: unknown, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'CodedError';
    this.code = code;
    this.details = details;
  }
}

export function hasErrorCode(error: unknown): error is { code: ErrorCode; details?: unknown } {
  return typeof error === 'object' && error !== null && isErrorCode((error as { code?: unknown }).code);
}

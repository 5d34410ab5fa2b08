// Vietnam's public-sector working calendar, from resources/holidays-vn.json (bundled, so the renderer has it too).
import data from '../../../resources/holidays-vn.json' with { type: 'json' };
import { buildWorkingCalendar, holidayDataSchema, type HolidayData, type WorkingCalendar } from './holiday-calendar';

// Parsed once at load: a malformed data file fails loudly here rather than as a wrong deadline later.
export const vietnamHolidayData: HolidayData = holidayDataSchema.parse(data);

export const vietnamWorkingCalendar: WorkingCalendar = buildWorkingCalendar(vietnamHolidayData);

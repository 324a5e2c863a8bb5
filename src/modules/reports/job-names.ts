export const REPORT_GENERATE = 'report.generate';
export const REPORTS_SCHEDULE_DUE = 'report.schedule_due';
export const REPORT_SEND = 'report.send';

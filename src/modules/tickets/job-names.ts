export const DEPARTMENT_MAIL = 'tickets.department_mail';
export const TICKETS_OVERDUE = 'tickets.overdue';

import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin, { type DropArg } from '@fullcalendar/interaction';
import luxon3Plugin from '@fullcalendar/luxon3';
import frLocale from '@fullcalendar/core/locales/fr';
import type { DateSpanApi, EventApi, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import type { CampaignView, PostView } from '../../../src/shared/api.js';
import { useMediaQuery } from '../../lib/useMediaQuery.js';
import { campaignEvents, droppedAt, planTimeForDay, postEvents, scrollTimeAt } from './events.js';
import { PostEventContent, type EventLayout } from './PostEventContent.js';

/** Below this width the month and week grids are too narrow to read: the calendar offers its day and list views. */
export const PHONE_QUERY = '(max-width: 40rem)';
const DESKTOP_VIEWS = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'listMonth'];
// A phone opens on the posts to come: a list of the next 30 days from today, not of this week alone.
const PHONE_LIST = 'listUpcoming';
const PHONE_VIEWS = ['timeGridDay', PHONE_LIST];
// One clock format in every view, whatever the language: 24 hours, two digits ("08:00", "14:30").
const TIME_FORMAT = 'HH:mm';
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, luxon3Plugin];
const LOCALES = [frLocale];

/** What the page can ask of the calendar. */
export interface CalendarHandle {
  /** Show the period that holds this instant. */
  goTo: (iso: string) => void;
}

interface PostCalendarProps {
  handle?: Ref<CalendarHandle>;
  posts: PostView[];
  campaigns: CampaignView[];
  zone: string;
  firstDay: number;
  canMove: (post: PostView) => boolean;
  onRange: (from: string, to: string) => void;
  onMove: (post: PostView, at: string, revert: () => void) => void;
  /** A post from the list of unplanned ones was dropped on the calendar. */
  onPlan: (postId: string, at: string) => void;
  onOpen: (post: PostView) => void;
}

function layoutOf(viewType: string): EventLayout {
  return viewType.startsWith('list') ? 'list' : viewType.startsWith('timeGrid') ? 'time' : 'month';
}

/** Month, week, day and list views of the posts, in the workspace's time zone; posts can be dragged to a new time. */
export function PostCalendar({ handle, posts, campaigns, zone, firstDay, canMove, onRange, onMove, onPlan, onOpen }: PostCalendarProps) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY);
  const calendar = useRef<FullCalendar>(null);
  const [initialView] = useState(phone ? PHONE_LIST : 'dayGridMonth');
  const [viewType, setViewType] = useState(initialView);
  const layout = layoutOf(viewType);
  const now = Date.now();

  // Crossing the phone width: the list or the day stays; back on a wide screen, the view left comes back.
  const wideView = useRef(initialView === PHONE_LIST ? 'dayGridMonth' : initialView);
  const box = useRef<HTMLDivElement>(null);
  useImperativeHandle(handle, () => ({
    goTo: (iso) => {
      calendar.current?.getApi().gotoDate(iso);
      // The button pressed goes away with the new period: the focus moves to the period's title, read out.
      const title = box.current?.querySelector<HTMLElement>('.fc-toolbar-title');
      if (title) {
        title.tabIndex = -1;
        title.focus();
      }
    },
  }), []);
  useEffect(() => {
    const api = calendar.current?.getApi();
    if (!api) return;
    const type = api.view.type;
    if (phone && !PHONE_VIEWS.includes(type)) {
      wideView.current = type;
      api.changeView(PHONE_LIST);
    }
    if (!phone && !DESKTOP_VIEWS.includes(type)) api.changeView(wideView.current);
  }, [phone]);

  // The hours get their scroller only once FullCalendar has applied the fixed height below (a frame or two
  // after the view changed): then scroll to the working hours.
  useEffect(() => {
    if (layout !== 'time') return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => calendar.current?.getApi().scrollToTime(scrollTimeAt(Date.now(), zone)));
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, phone, zone]);

  const events = useMemo<EventInput[]>(
    () => [...campaignEvents(campaigns, zone, layout !== 'list'), ...postEvents(posts, campaigns, canMove, now, zone)],
    // `now` moves on every render; the events only need it again when the posts do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [posts, campaigns, zone, canMove, layout],
  );

  const content = (arg: EventContentArg) => {
    const post = arg.event.extendedProps.post as PostView | undefined;
    if (arg.event.display === 'background') return <></>;
    if (arg.event.extendedProps.campaign) return <span className="campaign-bar-label">{arg.event.title}</span>;
    // A post from the list being dragged over the calendar: where it would land, and its text.
    if (!post) {
      return (
        <span className="post-event-content in-preview">
          {arg.timeText ? <span className="post-event-time">{arg.timeText}</span> : null}
          <span className="post-event-title">{arg.event.title}</span>
        </span>
      );
    }
    return <PostEventContent post={post} title={arg.event.title} time={layout === 'list' ? undefined : arg.timeText} layout={layout} />;
  };

  // Nothing lands in the past: a post moved keeps its time of day on a month day, one being planned gets a time.
  const allowMove = (span: DateSpanApi, moving: EventApi | null) =>
    Boolean(moving?.extendedProps.post) && droppedAt(span.start, span.allDay, zone, moving!.start).toMillis() > Date.now();
  // A post dragged from the list creates no event of its own, so FullCalendar checks its drop as a selection.
  const allowPlan = (span: DateSpanApi) => {
    const now = Date.now();
    const at = span.allDay ? planTimeForDay(DateTime.fromJSDate(span.start).setZone(zone), zone, now) : DateTime.fromJSDate(span.start);
    return at !== null && at.toMillis() > now;
  };

  const drop = (arg: DropArg) => {
    const postId = arg.draggedEl.dataset.postId;
    if (!postId) return;
    const at = arg.allDay ? planTimeForDay(DateTime.fromJSDate(arg.date).setZone(zone), zone, Date.now()) : DateTime.fromJSDate(arg.date);
    if (at) onPlan(postId, at.toUTC().toISO()!);
  };

  // Options given to FullCalendar keep their identity between renders: a new object is a change of options to it.
  const toolbar = useMemo(
    () => ({ left: 'prev,today,next', center: 'title', right: phone ? `timeGridDay,${PHONE_LIST}` : 'dayGridMonth,timeGridWeek,timeGridDay,listMonth' }),
    [phone],
  );
  const buttonText = useMemo(
    () => ({
      prev: t('calendar.previous'), next: t('calendar.next'), today: t('calendar.today'),
      month: t('calendar.month'), week: t('calendar.week'), day: t('calendar.day'), list: t('calendar.list'),
    }),
    [t],
  );
  const views = useMemo(
    () => ({
      dayGridMonth: { dayHeaderFormat: 'ccc' },
      // Posts minutes apart would be slivers side by side in a week column: the first shows, a "+n" link lists them all.
      timeGridWeek: { dayHeaderFormat: 'ccc d', eventMaxStack: 1 },
      timeGridDay: { dayHeaderFormat: 'cccc d LLLL' },
      [PHONE_LIST]: { type: 'list', duration: { days: 30 }, dateAlignment: 'day', dateIncrement: { days: 30 }, buttonText: t('calendar.list') },
      listMonth: { buttonText: t('calendar.list') },
    }),
    [t],
  );

  return (
    <div ref={box} className={`post-calendar post-calendar-${layout}`}>
      <FullCalendar
        ref={calendar}
        plugins={PLUGINS}
        initialView={initialView}
        timeZone={zone}
        locales={LOCALES}
        locale={i18n.language === 'fr' ? 'fr' : 'en'}
        firstDay={firstDay}
        // The hours scroll inside a fixed height, so that the day can open at working hours rather than at midnight.
        height={layout === 'time' ? (phone ? 560 : 720) : 'auto'}
        headerToolbar={toolbar}
        // Text rather than FullCalendar's icon font, which the server's content security policy does not load.
        buttonIcons={false}
        buttonText={buttonText}
        views={views}
        noEventsText={t('calendar.noPosts')}
        allDayText={t('calendar.campaignRow')}
        navLinks
        events={events}
        eventContent={content}
        eventDidMount={(arg) => {
          const post = arg.event.extendedProps.post as PostView | undefined;
          if (post) arg.el.title = arg.event.title;
        }}
        eventInteractive
        editable
        droppable
        dropAccept=".unplanned-post.is-movable"
        eventAllow={allowMove}
        selectAllow={allowPlan}
        eventDurationEditable={false}
        displayEventEnd={false}
        eventTimeFormat={TIME_FORMAT}
        slotLabelFormat={TIME_FORMAT}
        nowIndicator
        scrollTime={scrollTimeAt(now, zone)}
        slotEventOverlap={false}
        eventMinHeight={44}
        eventShortHeight={44}
        moreLinkHint={(count: number) => t('calendar.moreHint', { count })}
        defaultTimedEventDuration="00:30"
        dayMaxEvents={5}
        datesSet={(arg) => {
          setViewType(arg.view.type);
          onRange(arg.start.toISOString(), arg.end.toISOString());
        }}
        eventClick={(arg) => {
          const post = arg.event.extendedProps.post as PostView | undefined;
          if (!post) return;
          arg.jsEvent.preventDefault();
          onOpen(post);
        }}
        eventDrop={(arg: EventDropArg) => {
          const post = arg.event.extendedProps.post as PostView | undefined;
          const at = arg.event.start ? DateTime.fromJSDate(arg.event.start).toUTC().toISO() : null;
          if (post && at && arg.event.start!.getTime() > Date.now()) onMove(post, at, arg.revert);
          else arg.revert();
        }}
        drop={drop}
      />
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import luxon3Plugin from '@fullcalendar/luxon3';
import frLocale from '@fullcalendar/core/locales/fr';
import type { EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import type { CampaignView, PostView } from '../../../src/shared/api.js';
import { campaignBands, postEvents } from './events.js';

interface PostCalendarProps {
  posts: PostView[];
  campaigns: CampaignView[];
  zone: string;
  canMove: (post: PostView) => boolean;
  onRange: (from: string, to: string) => void;
  onMove: (post: PostView, startStr: string, revert: () => void) => void;
  onOpen: (post: PostView) => void;
}

/** Month, week and list views of the posts, in the workspace's time zone; posts can be dragged to a new time. */
export function PostCalendar({ posts, campaigns, zone, canMove, onRange, onMove, onOpen }: PostCalendarProps) {
  const { t, i18n } = useTranslation();
  const events = useMemo<EventInput[]>(
    () => [...campaignBands(campaigns, zone), ...postEvents(posts, campaigns, canMove)],
    [posts, campaigns, zone, canMove],
  );

  const content = (arg: EventContentArg) => {
    const post = arg.event.extendedProps.post as PostView | undefined;
    if (!post) return <span className="campaign-band-label">{arg.event.title}</span>;
    return (
      <span className="post-event-content">
        {arg.timeText ? <span className="post-event-time">{arg.timeText}</span> : null}
        <span className="post-event-status">{t(`postStatus.${post.status}`)}</span>
        <span className="post-event-title">{arg.event.title}</span>
      </span>
    );
  };

  return (
    <div className="post-calendar">
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, luxon3Plugin]}
        initialView="dayGridMonth"
        timeZone={zone}
        locales={[frLocale]}
        locale={i18n.language === 'fr' ? 'fr' : 'en'}
        firstDay={1}
        height="auto"
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
        // Text rather than FullCalendar's icon font, which the server's content security policy does not load.
        buttonIcons={false}
        buttonText={{ prev: t('calendar.previous'), next: t('calendar.next'), today: t('calendar.today'), month: t('calendar.month'), week: t('calendar.week'), list: t('calendar.list') }}
        noEventsText={t('calendar.noPosts')}
        events={events}
        eventContent={content}
        eventInteractive
        editable
        eventDurationEditable={false}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayMaxEvents={4}
        datesSet={(arg) => onRange(arg.start.toISOString(), arg.end.toISOString())}
        eventClick={(arg) => {
          const post = arg.event.extendedProps.post as PostView | undefined;
          if (!post) return;
          arg.jsEvent.preventDefault();
          onOpen(post);
        }}
        eventDrop={(arg: EventDropArg) => {
          const post = arg.event.extendedProps.post as PostView | undefined;
          if (post) onMove(post, arg.event.startStr, arg.revert);
          else arg.revert();
        }}
      />
    </div>
  );
}

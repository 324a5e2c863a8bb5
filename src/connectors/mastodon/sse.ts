/**
 * The event-stream format (server-sent events) as the HTML standard parses it: lines end in CRLF, LF or CR;
 * `event:` names the event, `data:` lines are joined by newlines, a blank line dispatches, `:` lines are comments
 * (Mastodon's heartbeats). An event larger than `maxEventChars` is refused, whatever fetch did about it.
 */
export interface ServerEvent {
  event: string;
  data: string;
}

export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private size = 0;

  constructor(private readonly maxEventChars: number) {}

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): ServerEvent[] {
    this.buffer += text;
    const out: ServerEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (end < 0 || (end === this.buffer.length - 1 && this.buffer[end] === '\r')) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const done = this.line(line);
      if (done) out.push(done);
    }
    if (this.buffer.length + this.size > this.maxEventChars) throw new Error(`An event of more than ${this.maxEventChars} characters.`);
    return out;
  }

  private line(line: string): ServerEvent | null {
    if (line === '') {
      const done = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      this.size = 0;
      return done;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') {
      this.data.push(value);
      this.size += value.length + 1;
    }
    if (this.size > this.maxEventChars) throw new Error(`An event of more than ${this.maxEventChars} characters.`);
    return null;
  }
}

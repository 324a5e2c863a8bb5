import type { Section } from './describe.js';

/** A charter read in sentences, section by section, under headings of the given level. */
export function CharterSummary({ sections, level = 3 }: { sections: Section[]; level?: 2 | 3 | 4 }) {
  const Heading = `h${level}` as const;
  return (
    <div className="charter-summary">
      {sections.map((section) => (
        <section key={section.id} className="charter-summary-section">
          <Heading>{section.title}</Heading>
          <ul>
            {section.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

package content

import "callprivacy/internal/site"

// checkFrameIDs refuses headings whose ID the site gives one of its own
// elements (site.FrameIDs). It runs once every page, question, criterion
// and platform is read, because some of those IDs are made from them.
func (l *loader) checkFrameIDs(s *site.Site) {
	reserved := s.FrameIDs()
	for _, rp := range l.docs {
		for _, h := range rp.doc.Headings {
			if reserved[h.ID] {
				l.problem(rp.file, h.Line, "heading ID %q is used by the page itself; reword the heading, or give it an ID of its own like {#my-id}", h.ID)
			}
		}
	}
}

//go:build !wasm

package main

import (
	"fmt"
	"io"

	"callprivacy/internal/site"
)

// writeLinks prints the intake email's paragraphs, in the practice's words
// (labels.yaml's intake), with the deep links a therapist sends a new
// client: the overview, each platform offered, joining a session and the
// questionnaire, at the address the site is published at. Plain text,
// ready to paste.
func writeLinks(w io.Writer, s *site.Site, contentDir string) error {
	if s.Settings.URL == "" {
		return fmt.Errorf("callprivacy links: %s/%s has no url: add the address the site is published at, such as\n  url: https://example.org/privacy/\nso that the links point there", contentDir, site.SettingsFile)
	}
	lb := s.Labels.Intake
	addr := func(path string) string { return site.Address(s.Settings.URL, path) }
	paragraphs := []string{lb.Intro, site.Fill(lb.Overview, "url", addr("/"))}
	for _, slug := range s.Settings.Offered {
		if p, ok := s.Platform(slug); ok {
			paragraphs = append(paragraphs, site.Fill(lb.Platform, "name", p.Name, "url", addr(site.PlatformPath(slug))))
		}
	}
	if _, ok := s.Page(site.JoiningPath); ok {
		paragraphs = append(paragraphs, site.Fill(lb.Joining, "url", addr(site.JoiningPath)))
	}
	if _, ok := s.Page(site.QuestionnairePath); ok {
		paragraphs = append(paragraphs, site.Fill(lb.Questionnaire, "url", addr(site.QuestionnairePath)))
	}
	for i, p := range paragraphs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, p)
	}
	return nil
}

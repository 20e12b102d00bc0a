// Package readability measures how hard text is to read, as the
// Flesch–Kincaid grade level: roughly the school year (US grade) a reader
// needs to follow it. The practice's pages aim at grade 9 at most and the
// questionnaire at grade 7, because clients read them on a phone, often
// worried, sometimes in a second language.
//
// The formula is the published one:
//
//	0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// Syllables are counted by a rule of thumb (groups of vowels, less a
// silent final e), as every readability tool does: close enough to rank
// sentences and to hold a limit, not a linguistic truth.
package readability

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Passage is one block of text a reader meets (a paragraph, a list item, a
// heading, a fact, a question), with where it is.
type Passage struct {
	File string
	Line int
	Text string
}

// Sentence is one sentence, where it is, and its own grade.
type Sentence struct {
	File  string
	Line  int
	Text  string
	Grade float64
}

// Score is the grade of a set of passages, and its sentences hardest
// first.
type Score struct {
	Grade                       float64
	Words, Sentences, Syllables int
	Hardest                     []Sentence
}

var (
	// A sentence ends at . ! ? or a colon or semicolon followed by space;
	// every passage ends one too (a heading or a list item is a unit a
	// reader takes in at once).
	sentenceEnd = regexp.MustCompile(`[.!?;:]+["”’)]*\s+`)
	word        = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’\-]*`)
)

// Measure scores the passages together.
func Measure(ps []Passage) Score {
	var sc Score
	for _, p := range ps {
		for _, s := range sentenceEnd.Split(strings.TrimSpace(p.Text), -1) {
			ws := word.FindAllString(s, -1)
			if len(ws) == 0 {
				continue
			}
			syl := 0
			for _, w := range ws {
				syl += Syllables(w)
			}
			sc.Words += len(ws)
			sc.Syllables += syl
			sc.Sentences++
			sc.Hardest = append(sc.Hardest, Sentence{File: p.File, Line: p.Line, Text: strings.TrimSpace(s), Grade: grade(len(ws), 1, syl)})
		}
	}
	if sc.Words == 0 {
		return sc
	}
	sc.Grade = grade(sc.Words, sc.Sentences, sc.Syllables)
	sort.SliceStable(sc.Hardest, func(i, j int) bool { return sc.Hardest[i].Grade > sc.Hardest[j].Grade })
	return sc
}

func grade(words, sentences, syllables int) float64 {
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

// Syllables estimates the syllables of one word: its groups of vowels (y
// counts, except first), less a silent final e, at least one. Numbers and
// abbreviations count as one.
func Syllables(w string) int {
	w = strings.ToLower(w)
	letters := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		if unicode.IsLetter(r) {
			return 'a' // an accented vowel, most likely
		}
		return -1
	}, w)
	if len(letters) <= 3 {
		return 1
	}
	if strings.HasSuffix(letters, "e") && !strings.HasSuffix(letters, "le") && !strings.HasSuffix(letters, "ee") {
		letters = letters[:len(letters)-1]
	} else if strings.HasSuffix(letters, "es") || strings.HasSuffix(letters, "ed") {
		if !strings.HasSuffix(letters, "ted") && !strings.HasSuffix(letters, "ded") && !strings.HasSuffix(letters, "ses") && !strings.HasSuffix(letters, "ces") && !strings.HasSuffix(letters, "zes") && !strings.HasSuffix(letters, "ges") {
			letters = letters[:len(letters)-2]
		}
	}
	n, inVowel := 0, false
	for i, r := range letters {
		v := strings.ContainsRune("aeiou", r) || (r == 'y' && i > 0)
		if v && !inVowel {
			n++
		}
		inVowel = v
	}
	return max(n, 1)
}

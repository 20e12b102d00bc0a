package questionnaire_test

import (
	"fmt"
	"os"
	"testing"

	"callprivacy/internal/content"
	"callprivacy/internal/questionnaire"
)

func TestScratch(t *testing.T) {
	s, err := content.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	q := questionnaire.New(s)
	for _, a := range []questionnaire.Answers{
		{"devices": {"computer"}, "signal": {"yes"}},
		{"devices": {"phone"}, "preference": {"whatsapp"}},
		{"devices": {"phone"}, "install": {"yes"}, "signal": {"rather-not"}, "preference": {"whatsapp"}},
		{},
	} {
		res := q.Recommend(a)
		fmt.Println("=== ", a)
		for _, r := range res.Ranked {
			fmt.Println("##", r.Platform.Name, r.Score)
			for _, x := range r.For {
				fmt.Println("  +", x.Text)
			}
			for _, x := range r.Against {
				fmt.Println("  -", x.Text)
			}
			for _, x := range r.Next {
				fmt.Println("  >", x.Text)
			}
		}
		fmt.Println("tie:", res.Tie)
		for _, d := range res.Declined {
			fmt.Println("declined:", d.Text, "|", d.Closest)
		}
		for _, x := range res.Checklist {
			fmt.Println("  [ ]", x.Text)
		}
		fmt.Print(q.Summary(a, res, false))
	}
}

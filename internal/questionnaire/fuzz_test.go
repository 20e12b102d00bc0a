package questionnaire_test

import (
	"testing"

	"callprivacy/internal/questionnaire"
)

// FuzzDecode reads arbitrary fragments as resumable links: never a panic,
// and whatever decodes encodes back to the same answers.
func FuzzDecode(f *testing.F) {
	q := questionnaire.New(shipped(f))
	f.Add("answers=v1;devices:computer,phone;who:apart")
	f.Add("answers=v1;who:me,apart")
	f.Add("answers=v1;access:none,captions")
	f.Add("answers=v1;%ZZ;<script>")
	f.Add("answers=")
	f.Add("main")
	f.Fuzz(func(t *testing.T, fragment string) {
		a, err := q.Decode(fragment)
		if err != nil {
			if a != nil {
				t.Fatal("answers returned with an error")
			}
			return
		}
		again, err := q.Decode(q.Encode(a))
		if err != nil || !equalAnswers(a, again) {
			t.Fatalf("round trip: %v %v %v", a, again, err)
		}
	})
}

package scenario

import (
	"testing"
)

// Every act of the tour asks the class at least one question, and each
// answer is the one its step measured: the outcome the step shows, not a
// letter written in advance.
func TestTourQuizCoversEveryAct(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		tr := runTestTour(t, seed)
		for _, a := range tr.Acts {
			n := 0
			for _, s := range a.Steps {
				q := s.Quiz
				if q == nil {
					continue
				}
				n++
				if q.Answer < 0 || q.Answer >= len(q.Choices) || len(q.Choices) < 2 {
					t.Errorf("seed %d, act %d: question %q has answer %d of %d choices", seed, a.Number, q.Prompt, q.Answer, len(q.Choices))
				}
				if s.Outcome.Kind == NoOutcome {
					t.Errorf("seed %d, act %d: question %q is asked at a step that shows no outcome to settle it", seed, a.Number, q.Prompt)
				}
			}
			if n == 0 {
				t.Errorf("seed %d: act %d (%s) asks no question", seed, a.Number, a.Title)
			}
		}
	}
}

// The questions added for acts 1, 2, 3 and 7 answer from what was measured
// there: each agent holds a half of every chip's key, a flipped LEAF bit is
// refused, one half alone opens nothing, and the intercept system's
// intruder reads only the calls made after it got in.
func TestTourQuizAnswers(t *testing.T) {
	tr := runTestTour(t, 1)
	type answer struct {
		act    int
		answer int
		kind   OutcomeKind // the outcome of the step that settles it
	}
	want := map[string]answer{
		"No one is suspected of anything yet. Whose unit keys are now split between the two escrow agents?":                    {1, 2, Done},
		"Someone flips one bit of the LEAF and leaves the call itself alone. Does Bob's chip still decrypt the call?":          {2, 1, Refused},
		"The processor is given only the half of Alice's unit key that one agent holds. Does it read her call?":                {3, 1, Sealed},
		"Intruders get into the carrier's intercept system. Which of the calls that crossed the mobile network can they read?": {7, 1, Exposed},
	}
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			if s.Quiz == nil {
				continue
			}
			w, ok := want[s.Quiz.Prompt]
			if !ok {
				continue
			}
			delete(want, s.Quiz.Prompt)
			if a.Number != w.act || s.Quiz.Answer != w.answer || s.Outcome.Kind != w.kind {
				t.Errorf("%q: act %d, answer %d, outcome %v; want act %d, answer %d, outcome %v", s.Quiz.Prompt, a.Number, s.Quiz.Answer, s.Outcome.Kind, w.act, w.answer, w.kind)
			}
		}
	}
	for prompt := range want {
		t.Errorf("the tour does not ask %q", prompt)
	}
}

// The question helpers answer from the counts they are given.
func TestQuestionHelpers(t *testing.T) {
	tests := []struct {
		q    *Question
		want int
	}{
		{countQuestion("?", 0, 9), 0},
		{countQuestion("?", 4, 9), 1},
		{countQuestion("?", 9, 9), 2},
		{countQuestionOf("?", [3]string{"no one's", "some", "everyone's"}, 6, 6), 2},
		{spreadQuestion("?", 0, 0, 0, 10), 0},
		{spreadQuestion("?", 4, 0, 4, 10), 1},
		{spreadQuestion("?", 4, 4, 0, 10), 2},
		{spreadQuestion("?", 5, 2, 3, 10), 3},
		{spreadQuestion("?", 10, 6, 4, 10), 4},
		{yesNoQuestion("?", "yes", "no", true), 0},
		{yesNoQuestion("?", "yes", "no", false), 1},
	}
	for i, tt := range tests {
		if tt.q.Answer != tt.want {
			t.Errorf("case %d: answer %d (%q), want %d (%q)", i, tt.q.Answer, tt.q.Choices[tt.q.Answer], tt.want, tt.q.Choices[tt.want])
		}
	}
}

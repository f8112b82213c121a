package scenario

// spreadChoices are the answers to "which calls open?", with the
// calls split at moment, such as "the leak".
func spreadChoices(moment string) []string {
	return []string{
		"none of them",
		"only those made after " + moment,
		"only those made before " + moment,
		"some of them, before and after",
		"all of them, before and after",
	}
}

// spreadQuestion asks which of total calls a leak opens, and answers
// from what was measured: opened in all, before and after the leak.
func spreadQuestion(prompt string, opened, before, after, total int) *Question {
	return spreadQuestionAt(prompt, "the leak", opened, before, after, total)
}

// spreadQuestionAt is spreadQuestion with the calls split at moment
// rather than at a leak: "police got keys" when a warrant gave them.
func spreadQuestionAt(prompt, moment string, opened, before, after, total int) *Question {
	q := &Question{Prompt: prompt, Choices: spreadChoices(moment)}
	switch {
	case opened == 0:
		q.Answer = 0
	case opened == total:
		q.Answer = 4
	case before == 0:
		q.Answer = 1
	case after == 0:
		q.Answer = 2
	default:
		q.Answer = 3
	}
	return q
}

// countQuestion asks how many of total calls open, with no leak moment
// to split them by, and answers from opened.
func countQuestion(prompt string, opened, total int) *Question {
	return countQuestionOf(prompt, [3]string{"none of them", "some of them", "all of them"}, opened, total)
}

// countQuestionOf asks how many of total things a measurement found, in
// the words of choices: none, some, all. It answers from n.
func countQuestionOf(prompt string, choices [3]string, n, total int) *Question {
	q := &Question{Prompt: prompt, Choices: choices[:], Answer: 1}
	switch n {
	case 0:
		q.Answer = 0
	case total:
		q.Answer = 2
	}
	return q
}

// yesNoQuestion asks a yes-or-no question answered by what happened.
func yesNoQuestion(prompt, yes, no string, happened bool) *Question {
	q := &Question{Prompt: prompt, Choices: []string{yes, no}}
	if !happened {
		q.Answer = 1
	}
	return q
}

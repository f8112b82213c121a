// Package scenario drives the escrowlab model through scripted case
// studies and returns each run as a [Transcript]: typed steps saying who
// acted, what they did, the values involved, why it matters and which
// sources back it. It never prints; package report renders transcripts.
//
// Every number a transcript states is measured in that run: counts come
// from really decrypting (or failing to decrypt) captured traffic and
// checking the result against what was said.
package scenario

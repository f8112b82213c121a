package scenario

// Reference numbers, matching docs/references.md.
const (
	refFIPS185 = iota + 1
	refSkipjackSpec
	refBlaze
	refNISTFactSheet
	refRisks1997
	refDoormats2015
	refDenningSmid
	refNews000
	refNews001
	refNews002
	refNews003
	refNews004
	refGemalto
)

// references lists every source a scenario may cite.
var references = []Reference{
	{refFIPS185, "FIPS 185 (1994)", "National Institute of Standards and Technology, FIPS PUB 185, Escrowed Encryption Standard, approved 9 February 1994 (59 FR 5997); withdrawn 19 October 2015 (80 FR 63199).", "https://csrc.nist.gov/pubs/fips/185/final"},
	{refSkipjackSpec, "Skipjack spec (1998)", "National Security Agency, SKIPJACK and KEA Algorithm Specifications, Version 2.0, 29 May 1998 (declassified and published 24 June 1998).", ""},
	{refBlaze, "Blaze (1994)", "Matt Blaze, Protocol Failure in the Escrowed Encryption Standard, AT&T Bell Laboratories, June 1994; Proceedings of the 2nd ACM Conference on Computer and Communications Security, 1994.", "https://www.mattblaze.org/papers/eesproto.pdf"},
	{refNISTFactSheet, "NIST reply to Blaze (1994)", "National Institute of Standards and Technology, statement in response to the Blaze key escrow paper (2 June 1994) and its technical fact sheet on the LEAF checksum, June 1994.", "https://www.nist.gov/news-events/news/1994/06/statement-response-blaze-key-escrow-paper"},
	{refRisks1997, "Abelson et al. (1997)", "H. Abelson, R. Anderson, S. M. Bellovin, J. Benaloh, M. Blaze, W. Diffie, J. Gilmore, P. G. Neumann, R. L. Rivest, J. I. Schiller, B. Schneier, The Risks of Key Recovery, Key Escrow, and Trusted Third-Party Encryption, 1997.", ""},
	{refDoormats2015, "Abelson et al. (2015)", "H. Abelson et al., Keys Under Doormats: mandating insecurity by requiring government access to all data and communications, Journal of Cybersecurity 1(1):69-79, 2015 (also Communications of the ACM 58(10), 2015).", "https://doi.org/10.1093/cybsec/tyv009"},
	{refDenningSmid, "Denning and Smid (1994)", "Dorothy E. Denning and Miles Smid, Key Escrowing Today, IEEE Communications Magazine 32(9):58-68, September 1994.", ""},
	{refNews000, "China anti-terror law report (2015)", "\"China Says New Anti-Terrorism Law Won't Hurt U.S. Tech Companies\", news report, 2015.", ""},
	{refNews001, "APA on Obama interview (Mar 2015)", "APA (Baku), report of President Obama's Reuters interview criticising China's draft counter-terrorism law, March 2015.", ""},
	{refNews002, "E&T (2015)", "\"China asks US tech firms to provide 'back door key'\", E&T (Engineering and Technology, IET), reporting The New York Times, 2015.", ""},
	{refNews003, "Xinhua reply report (2015)", "News report on Xinhua's reply to US criticism of China's proposed cybersecurity rules, 2015.", ""},
	{refNews004, "The Register (Mar 2015)", "\"Obama criticises China's mandatory backdoor tech import rules\", The Register, March 2015.", ""},
	{refGemalto, "The Intercept (Feb 2015)", "Jeremy Scahill and Josh Begley, \"The Great SIM Heist: How Spies Stole the Keys to the Encryption Castle\", The Intercept, 19 February 2015.", ""},
}

// References returns every source scenarios may cite, in number order.
func References() []Reference { return append([]Reference(nil), references...) }

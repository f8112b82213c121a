package scenario

// Reference numbers, matching docs/references.md.
const (
	refFIPS185 = iota + 1
	refSkipjackSpec
	refBlaze
	refNISTStatement
	refRisks1997
	refDoormats2015
	refDenningSmid
	refNews000
	refNews001
	refNews002
	refNews003
	refNews004
	refGemalto
	refDOJProcedures
	refNISTFactSheet
	refDOJDraft1993
	refHuaChunying
	refXinhua2015
	refGemaltoReply
	refKaufman
	refLevyRobinson
	refOpenLetter2019
	refEFFGhosts
	refKeyTransparency
	refAthens
	refAthensRegister
	refFBICISA2024
	refWiretapHack2024
	refCISAGuidance
	refCALEA
)

// source is one entry of docs/references.md.
type source struct {
	number           int
	short, full, url string
}

// references lists every source a scenario may cite.
var references = []source{
	{refFIPS185, "FIPS 185 (1994)", "National Institute of Standards and Technology, FIPS PUB 185, Escrowed Encryption Standard, approved 9 February 1994 (59 FR 5997), withdrawn 19 October 2015.", "https://www.nist.gov/publications/escrowed-encryption-standard"},
	{refSkipjackSpec, "Skipjack spec (1998)", "National Security Agency, SKIPJACK and KEA Algorithm Specifications, Version 2.0, 29 May 1998; declassification announced 23 June 1998, published by NIST 24 June 1998.", ""},
	{refBlaze, "Blaze (1994)", "Matt Blaze, Protocol Failure in the Escrowed Encryption Standard, AT&T Bell Laboratories, June 1994; Proceedings of the 2nd ACM Conference on Computer and Communications Security, 1994.", "https://www.mattblaze.org/papers/eesproto.pdf"},
	{refNISTStatement, "NIST statement (Jun 1994)", "National Institute of Standards and Technology, Statement in response to the Blaze key escrow paper, 2 June 1994, quoting Blaze's draft of 20 May 1994.", "http://www.nist.gov/public_affairs/releases/blaze.htm"},
	{refRisks1997, "Abelson et al. (1997)", "H. Abelson, R. Anderson, S. M. Bellovin, J. Benaloh, M. Blaze, W. Diffie, J. Gilmore, P. G. Neumann, R. L. Rivest, J. I. Schiller and B. Schneier, The Risks of Key Recovery, Key Escrow, and Trusted Third-Party Encryption, 1997.", ""},
	{refDoormats2015, "Abelson et al. (2015)", "H. Abelson et al., Keys Under Doormats: mandating insecurity by requiring government access to all data and communications, Journal of Cybersecurity 1(1):69-79, 2015 (also Communications of the ACM 58(10), 2015).", "https://doi.org/10.1093/cybsec/tyv009"},
	{refDenningSmid, "Denning and Smid (1994)", "Dorothy E. Denning and Miles Smid, Key Escrowing Today, IEEE Communications Magazine 32(9):58-68, September 1994.", ""},
	{refNews000, "Reuters via NBC News (Dec 2015)", "\"China Says New Anti-Terrorism Law Won't Hurt U.S. Tech Companies\", Reuters report carried by NBC News, 23 December 2015.", "https://www.nbcnews.com/tech/security/china-says-new-anti-terrorism-law-won-t-hurt-u-n485151"},
	{refNews001, "APA on Obama interview (Mar 2015)", "APA (Baku), report of President Obama's interview with Reuters of 2 March 2015, March 2015.", "https://en.apa.az/america/xeber_obama_sharply_criticizes_china_s_plans_f_-223829"},
	{refNews002, "E&T (2015)", "\"China asks US tech firms to provide 'back door key'\", E&T (Engineering and Technology, IET), reporting The New York Times, 2015.", ""},
	{refNews003, "Report on Xinhua's reply (Mar 2015)", "News report of 4 March 2015 on Xinhua's reply to US criticism of China's proposed rules; the original outlet is not identified (the project's copy is a repost). Its paragraph on the Gemalto key theft is the reporter's, not Xinhua's.", "https://nworeport.me/2015/03/04/arrogance-and-hypocrisy-china-slams-obama-over-cybersecurity-demands/"},
	{refNews004, "The Register (Mar 2015)", "\"Obama criticises China's mandatory backdoor tech import rules\", The Register, 5 March 2015.", "http://www.theregister.co.uk/2015/03/05/obama_criticises_china_tech_rules_backdoor_terrorism/"},
	{refGemalto, "The Intercept (Feb 2015)", "Jeremy Scahill and Josh Begley, \"The Great SIM Heist: How Spies Stole the Keys to the Encryption Castle\", The Intercept, 19 February 2015.", ""},
	{refDOJProcedures, "DOJ procedures (Feb 1994)", "US Department of Justice, Authorization Procedures for Release of Encryption Key Components in Conjunction with Intercepts Pursuant to Title III, 4 February 1994.", "http://cypherpunks.venona.com/date/1994/02/msg00273.html"},
	{refNISTFactSheet, "NIST fact sheet (Jun 1994)", "National Institute of Standards and Technology, Technical Fact Sheet on Blaze Report and Key Escrow Encryption, June 1994 (a mirror of NIST's news archive).", "http://debian.bsnet.se/mirror/archive/ftp.sunet.se/pub/security/csir/nist/nistnews/fsblaze.txt"},
	{refDOJDraft1993, "DOJ draft procedures (Sep 1993)", "US Department of Justice, draft procedures for the release of escrowed key components, given to Congress in September 1993 (as circulated by the Electronic Frontier Foundation).", "https://cypherpunks.venona.com/date/1993/09/msg00346.html"},
	{refHuaChunying, "Hua Chunying (Mar 2015)", "Ministry of Foreign Affairs of the People's Republic of China, regular press conference of spokesperson Hua Chunying, 3 March 2015.", "https://www.chinesepen.org/english/foreign-ministry-spokesperson-hua-chunyings-regular-press-conference-on-march-3-2015"},
	{refXinhua2015, "Xinhua commentary (Mar 2015)", "Xinhua, \"Commentary: Obama's criticism of upcoming Chinese counterterrorism law groundless\", 4 March 2015.", "http://en.chinagate.cn/2015-03/04/content_34948080.htm"},
	{refGemaltoReply, "Reuters on Gemalto (Feb 2015)", "Reuters, report from Paris on Gemalto's findings about the intrusions into its networks, 25 February 2015.", "http://uk.reuters.com/article/gemalto-cyberattack-idUKL5N0VZ1DU20150225"},
	{refKaufman, "Kaufman et al. (2002)", "Charlie Kaufman, Radia Perlman and Mike Speciner, Network Security: Private Communication in a Public World, 2nd edition, Prentice Hall, 2002, section 21.9 (Clipper).", ""},
	{refLevyRobinson, "Levy and Robinson (2018)", "Ian Levy and Crispin Robinson, \"Principles for a More Informed Exceptional Access Debate\", Lawfare, 29 November 2018.", ""},
	{refOpenLetter2019, "Open letter to GCHQ (2019)", "Sharon Bradford Franklin and Andi Wilson Thompson (New America's Open Technology Institute), \"Open Letter to GCHQ on the Threats Posed by the Ghost Proposal\", Lawfare, 30 May 2019; a letter of 47 signatories, shared with GCHQ on 22 May 2019.", "https://www.lawfaremedia.org/article/open-letter-gchq-threats-posed-ghost-proposal"},
	{refEFFGhosts, "EFF on ghosts (Jan 2019)", "Electronic Frontier Foundation, \"Detecting Ghosts by Reverse Engineering: Who Ya Gonna Call?\", January 2019.", "https://www.eff.org/nl/deeplinks/2019/01/detecting-ghosts-reverse-engineering-who-ya-gonna-call"},
	{refKeyTransparency, "WhatsApp key transparency (2023)", "Meta Engineering, \"Deploying key transparency at WhatsApp\", 13 April 2023.", "https://engineering.fb.com/2023/04/13/security/whatsapp-key-transparency/"},
	{refAthens, "Prevelakis and Spinellis (2007)", "Vassilis Prevelakis and Diomidis Spinellis, \"The Athens Affair\", IEEE Spectrum, July 2007.", "https://spectrum.ieee.org/the-athens-affair"},
	{refAthensRegister, "The Register (Feb 2006)", "\"Greece rocked by mobile phone tapping scandal\", The Register, 6 February 2006.", "http://www.theregister.co.uk/2006/02/06/greece_mobile_snooping_scandal/"},
	{refFBICISA2024, "FBI and CISA (Nov 2024)", "Federal Bureau of Investigation and Cybersecurity and Infrastructure Security Agency, joint statement on the People's Republic of China's targeting of commercial telecommunications infrastructure, 13 November 2024.", ""},
	{refWiretapHack2024, "Reuters on Salt Typhoon (Oct 2024)", "Reuters, \"Chinese hackers breached US court wiretap systems, WSJ reports\", 6 October 2024, reporting The Wall Street Journal of 5 October 2024.", "https://ajw-origin.potaufeu.asahi.com/ajw/articles/15455871"},
	{refCISAGuidance, "CISA guidance (Dec 2024)", "Cybersecurity and Infrastructure Security Agency, Mobile Communications Best Practice Guidance, 18 December 2024.", "https://cisa.gov/news-events/alerts/2024/12/18/cisa-releases-best-practice-guidance-mobile-communications"},
	{refCALEA, "CALEA (1994)", "Communications Assistance for Law Enforcement Act, Public Law 103-414, 25 October 1994, 47 U.S.C. 1001-1010.", ""},
}

// References returns every source scenarios may cite, numbered as in
// docs/references.md.
func References() []Reference {
	out := make([]Reference, len(references))
	for i, r := range references {
		out[i] = r.reference()
	}
	return out
}

// reference is s as a transcript cites it, before finish renumbers it.
func (s source) reference() Reference {
	return Reference{Number: s.number, Short: s.short, Full: s.full, URL: s.url, Catalogue: s.number}
}

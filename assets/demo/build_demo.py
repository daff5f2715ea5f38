"""Build the two demo workspaces (English and Danish) from one bilingual source table.

    python assets/demo/build_demo.py           # write demo-en.json and demo-da.json, then check them
    python assets/demo/build_demo.py --check   # only check the files already written

Every text is written once as T(english, danish); ids, dates, scores and numbers exist once,
so the two files tell the same story with the same numbers. Survey responses come from a
seeded generator and the survey findings are computed from them, so the words and the data
cannot drift apart. The files are checked with the app's own checks (``briefing``), then for the story.

The story, as of 2026-11-27: a knowledge manager at Nordvik, a 2,000-person engineering and
consulting company, has built a platform of allies, stopped flooding leadership with articles,
proven a contract repository in Legal (search 45 → 8 minutes), been postponed in May and
partly approved in September, and is going back on 8 December with the phase 2 ask.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checks are the app's own (``briefing``), run from a checkout
LANGUAGES = ("en", "da")
TODAY = dt.date(2026, 11, 27)


class T(NamedTuple):
    """One text in both languages."""

    en: str
    da: str


def render(value: Any, lang: str) -> Any:
    """``value`` with every T replaced by its text in ``lang``."""
    if isinstance(value, T):
        return getattr(value, lang)
    if isinstance(value, dict):
        return {key: render(item, lang) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [render(item, lang) for item in value]
    return value


# --------------------------------------------------------------------------- campaign

# fmt: off
CAMPAIGN = {
    "name": T("Knowledge that works — Nordvik Engineering", "Viden der virker — Nordvik Rådgivende Ingeniører"),
    "goal": T(
        "Make the knowledge we already own findable and reusable for Nordvik's 2,000 engineers and consultants — "
        "starting where it hurts most: contracts in Legal.",
        "Gøre den viden, vi allerede har, let at finde og genbruge for Nordviks 2.000 ingeniører og konsulenter — "
        "begyndende dér, hvor det gør mest ondt: kontrakterne i Juridisk.",
    ),
    "audience": T("Executive management", "Direktionen"),
    "owner": T("Mette Lund, Knowledge Manager", "Mette Lund, videnschef"),
    "started": "2025-11-03",
    "currency": "DKK",
}

# --------------------------------------------------------------------------- stakeholders

TAG = {
    "leadership": T("leadership", "ledelse"),
    "finance": T("finance", "økonomi"),
    "legal": T("legal", "jura"),
    "pilot": T("pilot", "pilot"),
    "budget": T("budget", "budget"),
    "projects": T("projects", "projekter"),
    "sales": T("sales", "salg"),
    "it": T("it", "it"),
    "security": T("security", "sikkerhed"),
    "quality": T("quality", "kvalitet"),
    "onboarding": T("onboarding", "onboarding"),
    "comms": T("communications", "kommunikation"),
    "young": T("young-professionals", "unge-ingeniører"),
    "council": T("works-council", "samarbejdsudvalg"),
    "procurement": T("procurement", "indkøb"),
}

# id, name, role, department, (influence, interest, drive, foresight), stance,
# budget_holder, decision_maker, cadence_days, tags, activities, notes
STAKEHOLDERS = [
    ("s1", "Henrik Brandt", T("Chief Executive Officer", "Administrerende direktør"),
     T("Executive management", "Direktionen"), (5, 2, 3, 4), "neutral", True, True, 60, ["leadership"],
     T("Runs the 2030 growth strategy; chairs the monthly executive meeting; visits two regional offices a month.",
       "Driver vækststrategien 2030; leder det månedlige direktionsmøde; besøger to regionskontorer om måneden."),
     T("Said in January: 'Please stop sending me articles — show me something from our own house.' "
       "Contact only with results, at most every second month.",
       "Sagde i januar: »Stop med at sende mig artikler — vis mig noget fra vores eget hus.« "
       "Kun kontakt, når der er resultater, og højst hver anden måned.")),
    ("s2", "Lise Kjærgaard", T("Chief Financial Officer", "Økonomidirektør"),
     T("Finance", "Økonomi"), (5, 2, 2, 3), "skeptic", True, True, 60, ["leadership", "finance"],
     T("Owns the 2027 budget process; leads the cost programme for staff functions.",
       "Ejer budgetprocessen for 2027; leder omkostningsprogrammet for stabsfunktionerne."),
     T("Wants kroner, not minutes. Works through Louise Jakobsen in Controlling — go via her.",
       "Vil se kroner, ikke minutter. Arbejder gennem Louise Jakobsen i Controlling — gå via hende.")),
    ("s3", "Jens Østergaard", T("Chief Operating Officer", "Driftsdirektør"),
     T("Operations", "Drift"), (5, 3, 4, 4), "supporter", True, True, 60, ["leadership", "projects"],
     T("Owns project delivery and the project model; sponsor of the ISO 9001 recertification.",
       "Ejer projektleveringen og projektmodellen; sponsor for ISO 9001-gencertificeringen."),
     T("Practical. Asked for proof 'from our own house'. Our best ally in the executive team, "
       "but do not let him carry the case alone.",
       "Praktisk anlagt. Bad om bevis »fra vores eget hus«. Vores bedste allierede i direktionen, "
       "men lad ham ikke bære sagen alene.")),
    ("s4", "Birgitte Holm", T("General Counsel", "Chefjurist"),
     T("Legal", "Juridisk"), (4, 5, 4, 5), "champion", True, True, 60, ["leadership", "legal", "pilot"],
     T("Leads Legal (14 lawyers, 6 contract managers); reports litigation risk to the board.",
       "Leder Juridisk (14 jurister, 6 kontraktansvarlige); rapporterer procesrisici til bestyrelsen."),
     T("Two near-lawsuits in 2025 because signed versions could not be produced in time. "
       "Carries the phase 2 ask in the executive meeting.",
       "To nær-retssager i 2025, fordi de underskrevne versioner ikke kunne fremskaffes i tide. "
       "Bærer indstillingen om fase 2 i direktionen.")),
    ("s5", "Anne Mørk", T("Head of Legal Operations", "Leder af Legal Operations"),
     T("Legal", "Juridisk"), (3, 5, 5, 4), "champion", True, False, 14, ["legal", "pilot", "budget"],
     T("Runs the contract management process and the Legal Ops budget; funded the repository pilot.",
       "Driver kontraktstyringsprocessen og Legal Ops-budgettet; finansierede piloten med kontraktarkivet."),
     T("Our strongest ally. Talk every two weeks. Presents the proof together with us.",
       "Vores stærkeste allierede. Tal sammen hver 14. dag. Fremlægger beviserne sammen med os.")),
    ("s6", "Søren Dahl", T("Project Director, Infrastructure", "Projektdirektør, Infrastruktur"),
     T("Infrastructure", "Infrastruktur"), (4, 4, 5, 4), "champion", True, False, 21, ["projects", "pilot", "budget"],
     T("Runs 40 bridge and road projects; sponsor of the lessons-learned pilot; sits on the project-model board.",
       "Har ansvaret for 40 bro- og vejprojekter; sponsor for erfaringspiloten; sidder i styregruppen for "
       "projektmodellen."),
     T("Drives change himself and funds the lessons-learned pilot from his division's improvement budget.",
       "Driver selv forandring og finansierer erfaringspiloten over divisionens forbedringsbudget.")),
    ("s7", "Karina Vestergaard", T("Sales Director", "Salgsdirektør"),
     T("Sales", "Salg"), (4, 4, 3, 3), "supporter", True, False, 30, ["sales", "budget"],
     T("Owns the framework agreements with the 30 largest clients; renewal season every spring.",
       "Ejer rammeaftalerne med de 30 største kunder; genforhandlingssæson hvert forår."),
     T("Sales is the second unit in phase 2; she must hear the roll-out plan before the December meeting.",
       "Salg er den anden enhed i fase 2; hun skal høre udrulningsplanen før decembermødet.")),
    ("s8", "Peter Nørgaard", T("HR Director", "HR-direktør"),
     T("HR", "HR"), (3, 3, 2, 3), "neutral", True, False, 45, ["onboarding"],
     T("Onboarding programme, competence database, employee survey.",
       "Onboardingprogram, kompetencedatabase og medarbejderundersøgelse."),
     T("Friendly but busy. Interested in the onboarding angle for phase 3.",
       "Venlig, men travl. Interesseret i onboardingvinklen til fase 3.")),
    ("s9", "Morten Friis", T("Chief Information Officer", "IT-direktør"),
     T("IT", "IT"), (4, 3, 3, 3), "skeptic", True, False, 30, ["it", "budget"],
     T("Consolidating on Microsoft 365; cutting the number of systems by a third.",
       "Konsoliderer på Microsoft 365; skærer antallet af systemer ned med en tredjedel."),
     T("Fears 'yet another system'. Came partly round when the pilot used the existing SharePoint tenant.",
       "Frygter »endnu et system«. Blev delvist overbevist, da piloten brugte det eksisterende SharePoint-miljø.")),
    ("s10", "Rasmus Bech", T("IT Security Officer", "IT-sikkerhedsansvarlig"),
     T("IT", "IT"), (3, 2, 2, 2), "blocker", False, False, 45, ["it", "security"],
     T("Data classification policy, rules for external sharing, ISO 27001 preparations.",
       "Politik for dataklassifikation, regler for ekstern deling og forberedelse til ISO 27001."),
     T("Blocks anything that moves contracts before classification and retention are in place. "
       "His sign-off is a condition for phase 2.",
       "Blokerer alt, der flytter kontrakter, før klassifikation og opbevaring er på plads. "
       "Hans godkendelse er en betingelse for fase 2.")),
    ("s11", "Julie Sørensen", T("Contract Manager", "Kontraktansvarlig"),
     T("Legal", "Juridisk"), (2, 5, 5, 3), "champion", False, False, 14, ["legal", "pilot"],
     T("Handles 600 client and supplier contracts a year; super-user of the pilot.",
       "Håndterer 600 kunde- og leverandørkontrakter om året; superbruger i piloten."),
     T("Knows every workaround in the old process and tells the best stories — ask before quoting her.",
       "Kender alle omveje i den gamle proces og fortæller de bedste historier — spørg, før hun citeres.")),
    ("s12", "Thomas Kristensen", T("Procurement Manager", "Indkøbschef"),
     T("Procurement", "Indkøb"), (3, 4, 3, 3), "supporter", True, False, 30, ["procurement", "budget"],
     T("Supplier framework agreements; cleaning up duplicate supplier contracts.",
       "Leverandørrammeaftaler; oprydning i dobbelte leverandørkontrakter."),
     T("Wants Procurement on the platform in phase 3 and offers his team's time for the migration.",
       "Vil have Indkøb med på platformen i fase 3 og tilbyder sit teams tid til migreringen.")),
    ("s13", "Hanne Poulsen", T("Quality Manager", "Kvalitetschef"),
     T("Quality", "Kvalitet"), (3, 4, 3, 4), "supporter", False, False, 30, ["quality"],
     T("ISO 9001 document control; internal audits.",
       "Dokumentstyring efter ISO 9001; interne audits."),
     T("Her ISO audit finding on document control backs the version problem with hard evidence.",
       "Hendes ISO-auditfund om dokumentstyring underbygger versionsproblemet med hårde fakta.")),
    ("s14", "Mads Lauridsen", T("Senior Project Manager, Energy", "Seniorprojektleder, Energi"),
     T("Energy", "Energi"), (2, 4, 4, 3), "supporter", False, False, 30, ["projects"],
     T("Leads offshore substation projects; writes lessons-learned reports that nobody reads.",
       "Leder projekter med offshore-transformerstationer; skriver erfaringsrapporter, som ingen læser."),
     T("Tested the one-page lessons-learned format and wants it in the project model.",
       "Har afprøvet erfaringsskabelonen på én side og vil have den ind i projektmodellen.")),
    ("s15", "Louise Jakobsen", T("Head of Controlling", "Controllingchef"),
     T("Finance", "Økonomi"), (4, 2, 3, 3), "neutral", False, False, 45, ["finance"],
     T("Business cases and preparation of the investment committee; the CFO's right hand.",
       "Business cases og forberedelse af investeringsudvalget; økonomidirektørens højre hånd."),
     T("Was sceptical of 'soft benefits'; now co-owns the phase 2 business case in kroner.",
       "Var skeptisk over for »bløde gevinster«; er nu medejer af business casen for fase 2 i kroner.")),
    ("s16", "Sara Winther", T("Communications Manager", "Kommunikationschef"),
     T("Communications", "Kommunikation"), (2, 3, 4, 4), "supporter", False, False, 30, ["comms"],
     T("Intranet, internal newsletter and the CEO's town hall meetings.",
       "Intranet, internt nyhedsbrev og direktørens fællesmøder."),
     T("Ran the intranet story on the pilot; can get us a slot at the CEO's town hall.",
       "Bragte intranethistorien om piloten; kan skaffe os et indslag på direktørens fællesmøde.")),
    ("s17", "Niels Holt", T("Division Director, Buildings", "Divisionsdirektør, Byggeri"),
     T("Buildings", "Byggeri"), (4, 1, 2, 2), "blocker", True, False, 60, ["projects"],
     T("Runs the largest division (600 people) against a utilisation target of 82 %.",
       "Leder den største division (600 medarbejdere) med et mål for debiteringsgrad på 82 %."),
     T("'We have no time for that, and it has shown no effect.' Do not push; let the results from "
       "Infrastructure speak.",
       "»Det har vi ikke tid til, og det har ikke vist nogen effekt.« Pres ikke på; lad resultaterne fra "
       "Infrastruktur tale.")),
    ("s18", "Emma Krogh", T("Graduate Engineer, chair of the young professionals network",
                            "Dimittendingeniør, formand for netværket for unge ingeniører"),
     T("Infrastructure", "Infrastruktur"), (1, 5, 5, 5), "champion", False, False, 21, ["young", "onboarding"],
     T("Chairs the young professionals network (180 members); runs the buddy scheme for new hires.",
       "Formand for netværket for unge ingeniører (180 medlemmer); driver makkerordningen for nyansatte."),
     T("Spreads surveys and new habits faster than any mail from management.",
       "Spreder undersøgelser og nye vaner hurtigere end nogen mail fra ledelsen.")),
    ("s19", "Ole Thygesen", T("Employee representative", "Tillidsrepræsentant"),
     T("Works council", "Samarbejdsudvalget"), (2, 3, 2, 3), "neutral", False, False, 60, ["council"],
     T("Sits on the works council; raises concerns about workload and monitoring.",
       "Sidder i samarbejdsudvalget; rejser spørgsmål om arbejdspres og overvågning."),
     T("Accepted the surveys once it was clear that search times are measured per team, never per person.",
       "Accepterede undersøgelserne, da det stod klart, at søgetider måles pr. team, aldrig pr. person.")),
]

# --------------------------------------------------------------------------- dialogues (in date order)

# date, stakeholder, channel, references shared, follow-up, summary, problems learned
DIALOGUES = [
    ("2025-11-05", "s5", "meeting", 0, "2025-11-19",
     T("Coffee with Anne about how Legal finds contracts. Signed contracts live on three shared drives, "
       "in Outlook folders and in paper binders.",
       "Kaffe med Anne om, hvordan Juridisk finder kontrakter. Underskrevne kontrakter ligger på tre fællesdrev, "
       "i Outlook-mapper og i papirmapper."),
     [T("Signed contracts are spread over shared drives, email and paper binders",
        "Underskrevne kontrakter ligger spredt på fællesdrev, i mails og i papirmapper"),
      T("Finding one contract often takes most of an hour",
        "Det tager ofte det meste af en time at finde én kontrakt")]),
    ("2025-11-07", "s11", "meeting", 0, "2025-11-21",
     T("Julie walked me through a real search: 50 minutes to find the signed version of a framework agreement "
       "with a municipality.",
       "Julie viste mig en rigtig søgning: 50 minutter om at finde den underskrevne version af en rammeaftale "
       "med en kommune."),
     [T("Several versions of the same contract, none marked as signed",
        "Flere versioner af samme kontrakt, og ingen er markeret som underskrevet"),
      T("Notice periods are tracked in a personal spreadsheet",
        "Opsigelsesvarsler holdes i et personligt regneark")]),
    ("2025-11-10", "s4", "meeting", 1, "2025-12-10",
     T("First meeting with Birgitte. Two cases in 2025 nearly went to court because we could not produce the "
       "signed contract before the deadline. Left her an analyst report on contract management.",
       "Første møde med Birgitte. To sager i 2025 var tæt på at ende i retten, fordi vi ikke kunne fremskaffe "
       "den underskrevne kontrakt inden fristen. Efterlod en analyserapport om kontraktstyring."),
     [T("Risk of lawsuits when signed contracts cannot be produced in time",
        "Risiko for retssager, når underskrevne kontrakter ikke kan fremskaffes i tide")]),
    ("2025-11-14", "s6", "meeting", 0, "2025-12-05",
     T("Søren: every project writes a lessons-learned report at close-out, and nobody ever reads them. "
       "New projects repeat old mistakes.",
       "Søren: Alle projekter skriver en erfaringsrapport ved afslutningen, og ingen læser dem nogensinde. "
       "Nye projekter gentager gamle fejl."),
     [T("Lessons learned are written but never reused", "Erfaringer bliver skrevet ned, men aldrig genbrugt"),
      T("New projects repeat known mistakes in design reviews",
        "Nye projekter gentager kendte fejl i designgennemgangene")]),
    ("2025-11-20", "s1", "email", 3, "2025-12-04",
     T("Sent Henrik a note on the programme with three analyst reports attached. No reply.",
       "Sendte Henrik en note om programmet med tre analyserapporter vedhæftet. Intet svar."),
     []),
    ("2025-11-25", "s3", "meeting", 1, "2026-01-15",
     T("Jens listened for 20 minutes: 'Interesting, but show me something from our own house before you come "
       "to the executive meeting.'",
       "Jens lyttede i 20 minutter: »Spændende, men vis mig noget fra vores eget hus, før du kommer på "
       "direktionsmødet.«"),
     [T("Leadership has seen earlier knowledge initiatives fade without measurable effect",
        "Direktionen har set tidligere videnstiltag løbe ud i sandet uden målbar effekt")]),
    ("2025-11-27", "s18", "workshop", 0, "2026-01-08",
     T("Workshop with 22 young engineers: where do you look for knowledge? The answer: 'I ask whoever sits "
       "next to me.'",
       "Workshop med 22 unge ingeniører: Hvor leder I efter viden? Svaret: »Jeg spørger den, der sidder ved "
       "siden af.«"),
     [T("New engineers cannot find out who knows what", "Nye ingeniører kan ikke finde ud af, hvem der ved hvad"),
      T("Templates exist in many competing versions", "Skabeloner findes i mange konkurrerende versioner")]),
    ("2025-12-02", "s2", "email", 2, None,
     T("Sent Lise two articles on the cost of searching. Reply in one line: 'We have no time for that right now.'",
       "Sendte Lise to artikler om, hvad søgning koster. Svar på én linje: »Det har vi ikke tid til lige nu.«"),
     []),
    ("2025-12-04", "s9", "meeting", 0, "2026-02-02",
     T("Morten does not want 'yet another system'. Any solution must run on our Microsoft 365 platform.",
       "Morten vil ikke have »endnu et system«. Enhver løsning skal køre på vores Microsoft 365-platform."),
     [T("IT is consolidating systems; new tools are unwelcome",
        "IT konsoliderer systemer; nye værktøjer er uvelkomne")]),
    ("2025-12-09", "s13", "meeting", 0, "2026-01-13",
     T("Hanne showed the ISO 9001 audit finding on document control: there is no reliable way to tell which "
       "version of a controlled document is valid.",
       "Hanne viste ISO 9001-auditfundet om dokumentstyring: Der er ingen pålidelig måde at se, hvilken version "
       "af et styret dokument der er gældende."),
     [T("No reliable way to identify the valid version of a document",
        "Ingen pålidelig måde at se den gældende version af et dokument"),
      T("The ISO finding on document control must be closed during 2026",
        "ISO-fundet om dokumentstyring skal lukkes i løbet af 2026")]),
    ("2025-12-15", "s7", "call", 0, "2026-01-26",
     T("Karina: at renewal, her sales managers cannot find the price-adjustment clauses of the framework "
       "agreements and ask Legal every time.",
       "Karina: Ved genforhandling kan hendes salgschefer ikke finde prisreguleringsklausulerne i rammeaftalerne "
       "og spørger Juridisk hver gang."),
     [T("Sales cannot find the terms of framework agreements at renewal",
        "Salg kan ikke finde vilkårene i rammeaftalerne ved genforhandling"),
      T("Legal is interrupted by look-up requests from Sales",
        "Juridisk bliver afbrudt af opslag for Salg")]),
    ("2026-01-08", "s12", "call", 0, "2026-02-12",
     T("Thomas found four parallel agreements with the same supplier, at different prices.",
       "Thomas har fundet fire parallelle aftaler med den samme leverandør — til forskellige priser."),
     [T("Duplicate supplier agreements with different prices",
        "Dobbelte leverandøraftaler med forskellige priser")]),
    ("2026-01-13", "s1", "meeting", 2, None,
     T("Ten minutes with Henrik after the management forum. I mentioned two more reports; he said: 'Please stop "
       "sending me articles. Come back when you have something from our own house.' Lesson: no more links to "
       "leadership.",
       "Ti minutter med Henrik efter ledelsesforum. Jeg nævnte to rapporter mere; han sagde: »Stop med at sende "
       "mig artikler. Kom tilbage, når du har noget fra vores eget hus.« Læring: ikke flere links til "
       "direktionen."),
     []),
    ("2026-01-20", "s5", "workshop", 0, "2026-02-03",
     T("Problem-mapping workshop with Legal (9 people). We timed five real searches: 31 to 62 minutes, "
       "45 on average.",
       "Workshop om problemkortlægning med Juridisk (9 deltagere). Vi tog tid på fem rigtige søgninger: "
       "31 til 62 minutter, i gennemsnit 45."),
     [T("An average contract search takes 45 minutes", "En kontraktsøgning tager i gennemsnit 45 minutter"),
      T("Renewal and notice deadlines are missed", "Frister for fornyelse og opsigelse bliver overset")]),
    ("2026-01-22", "s14", "meeting", 0, "2026-02-26",
     T("Mads: lessons-learned reports are 20 pages long and filed where no one looks. He would gladly write one "
       "page if someone asked for it at the next project start.",
       "Mads: Erfaringsrapporterne er 20 sider lange og arkiveres, hvor ingen kigger. Han vil gerne skrive én "
       "side, hvis nogen spørger efter den ved næste projektstart."),
     [T("Lessons-learned reports are too long to be read", "Erfaringsrapporterne er for lange til at blive læst"),
      T("No one asks for lessons learned at project start", "Ingen spørger efter erfaringer ved projektstart")]),
    ("2026-01-29", "s10", "meeting", 0, "2026-03-31",
     T("Rasmus will not accept contracts being moved anywhere before the data classification is applied. "
       "Fair point; we agreed to involve him from the start.",
       "Rasmus vil ikke acceptere, at kontrakter flyttes nogen steder hen, før dataklassifikationen er anvendt. "
       "Rimeligt nok; vi aftalte at inddrage ham fra starten."),
     [T("Contracts are not classified under the security policy",
        "Kontrakterne er ikke klassificeret efter sikkerhedspolitikken")]),
    ("2026-02-04", "s11", "workshop", 0, "2026-02-18",
     T("Defined the eight metadata fields with the contract managers: party, type, signing date, expiry, "
       "notice period, value, owner and status.",
       "Fastlagde de otte metadatafelter sammen med de kontraktansvarlige: part, type, underskriftsdato, udløb, "
       "opsigelsesvarsel, værdi, ejer og status."),
     [T("Most contracts have no metadata", "De fleste kontrakter mangler metadata")]),
    ("2026-02-10", "s4", "meeting", 0, "2026-04-01",
     T("Birgitte agreed to a five-month pilot in Legal, funded from the Legal Ops budget. Phase 1 needs no "
       "executive decision.",
       "Birgitte sagde ja til en pilot på fem måneder i Juridisk, finansieret over Legal Ops-budgettet. "
       "Fase 1 kræver ingen direktionsbeslutning."),
     []),
    ("2026-02-17", "s16", "call", 0, "2026-03-17",
     T("Sara offered an intranet story once the pilot has its first results, and later a slot at a town hall.",
       "Sara tilbød en intranethistorie, når piloten har de første resultater, og senere et indslag på et "
       "fællesmøde."),
     []),
    ("2026-02-24", "s6", "meeting", 0, "2026-03-24",
     T("Søren will fund a lessons-learned pilot in Infrastructure from his improvement budget if the format is "
       "one page and used at the project start gate.",
       "Søren vil finansiere en erfaringspilot i Infrastruktur over sit forbedringsbudget, hvis formatet er én "
       "side og bruges ved startgaten."),
     [T("Gate reviews do not ask for earlier experience", "Gatereviews spørger ikke efter tidligere erfaringer")]),
    ("2026-03-03", "s15", "meeting", 0, "2026-04-07",
     T("Louise: 'Minutes saved are not money saved.' She will only accept a business case built on hours that "
       "are actually freed for billable work.",
       "Louise: »Sparede minutter er ikke sparede penge.« Hun accepterer kun en business case bygget på timer, "
       "der faktisk frigøres til fakturerbart arbejde."),
     [T("Benefits must be shown in kroner, not minutes", "Gevinster skal vises i kroner, ikke i minutter")]),
    ("2026-03-05", "s17", "meeting", 0, None,
     T("Niels: 'We have no time for that, and it has shown no effect.' I did not push; the results from "
       "Infrastructure will have to speak later.",
       "Niels: »Det har vi ikke tid til, og det har ikke vist nogen effekt.« Jeg pressede ikke på; resultaterne "
       "fra Infrastruktur må tale senere."),
     [T("High utilisation targets leave no time for improvement work",
        "Høje mål for debiteringsgrad levner ingen tid til forbedringsarbejde")]),
    ("2026-03-12", "s18", "chat", 0, "2026-04-09",
     T("Emma shared the baseline survey in the young professionals network; 19 answers within a day.",
       "Emma delte baseline-undersøgelsen i netværket for unge ingeniører; 19 svar på én dag."),
     []),
    ("2026-03-19", "s5", "call", 0, "2026-04-02",
     T("Went through the baseline survey with Anne. Few can find contracts quickly, and almost no one trusts the "
       "version they find.",
       "Gennemgik baseline-undersøgelsen med Anne. Få kan finde kontrakter hurtigt, og næsten ingen stoler på "
       "den version, de finder."),
     [T("Staff do not trust that the contract they find is the valid version",
        "Medarbejderne stoler ikke på, at den kontrakt, de finder, er den gældende version")]),
    ("2026-03-26", "s8", "meeting", 0, "2026-06-30",
     T("Peter likes the onboarding angle: new hires spend their first weeks finding templates and people. "
       "Not an HR priority before 2027.",
       "Peter kan lide onboardingvinklen: Nyansatte bruger de første uger på at finde skabeloner og folk. "
       "Ikke en prioritet for HR før 2027."),
     [T("New hires spend weeks finding templates and experts",
        "Nyansatte bruger uger på at finde skabeloner og eksperter")]),
    ("2026-04-02", "s11", "meeting", 0, "2026-04-16",
     T("The pilot has started. Julie and two colleagues began moving the active contracts into the repository "
       "with metadata.",
       "Piloten er i gang. Julie og to kolleger er begyndt at flytte de aktive kontrakter ind i kontraktarkivet "
       "med metadata."),
     []),
    ("2026-04-14", "s3", "call", 0, "2026-05-19",
     T("Short call with Jens. Gave him the pilot plan in three lines; he offered a slot at the executive meeting "
       "on 19 May.",
       "Kort opkald med Jens. Gav ham pilotplanen i tre linjer; han tilbød en plads på direktionsmødet den "
       "19. maj."),
     []),
    ("2026-04-21", "s9", "meeting", 0, "2026-06-01",
     T("Morten accepts the pilot because it runs on the existing SharePoint tenant. His open question is the "
       "licence cost of a roll-out.",
       "Morten accepterer piloten, fordi den kører på det eksisterende SharePoint-miljø. Hans åbne spørgsmål er "
       "licensudgiften ved en udrulning."),
     [T("The licence cost of a roll-out is unknown", "Licensudgiften ved en udrulning er ukendt")]),
    ("2026-05-06", "s7", "meeting", 0, "2026-06-10",
     T("Demo of the repository for Karina and two sales managers. They found a price clause in under a minute "
       "and asked when Sales can join.",
       "Demo af kontraktarkivet for Karina og to salgschefer. De fandt en prisklausul på under et minut og "
       "spurgte, hvornår Salg kan komme med."),
     []),
    ("2026-05-12", "s13", "email", 0, "2026-06-16",
     T("Hanne will use the repository's version control as the corrective action for the ISO finding.",
       "Hanne vil bruge kontraktarkivets versionsstyring som korrigerende handling på ISO-fundet."),
     []),
    ("2026-05-26", "s5", "meeting", 0, "2026-06-09",
     T("Regrouped with Anne after the postponement. Agreed: no leadership contact on our initiative until the "
       "pilot has numbers; then we answer the objections one by one.",
       "Samlede op med Anne efter udsættelsen. Aftalt: ingen kontakt med direktionen på vores initiativ, før "
       "piloten har tal; derefter besvarer vi indvendingerne én for én."),
     []),
    ("2026-06-02", "s6", "workshop", 0, "2026-06-23",
     T("Kick-off of the lessons-learned pilot with six Infrastructure project managers: a one-page format, "
       "reviewed at the start gate.",
       "Kickoff på erfaringspiloten med seks projektledere i Infrastruktur: et format på én side, som gennemgås "
       "ved startgaten."),
     []),
    ("2026-06-09", "s2", "meeting", 0, None,
     T("Lise asked for 15 minutes on the running cost after the pilot. Listened, took notes, sent nothing "
       "afterwards. She wants one number per year.",
       "Lise bad om 15 minutter om driftsudgiften efter piloten. Lyttede, tog noter og sendte intet bagefter. "
       "Hun vil have ét tal pr. år."),
     [T("The running cost after the pilot is not documented", "Driftsudgiften efter piloten er ikke dokumenteret")]),
    ("2026-06-16", "s19", "meeting", 0, None,
     T("Ole worried that search times would be used to monitor individuals. Agreed in writing: measured per team, "
       "never per person.",
       "Ole var bekymret for, at søgetider ville blive brugt til at overvåge den enkelte. Aftalt skriftligt: "
       "Der måles pr. team, aldrig pr. person."),
     [T("Fear that the measurements will be used to monitor individuals",
        "Frygt for, at målingerne bruges til at overvåge enkeltpersoner")]),
    ("2026-06-23", "s14", "workshop", 0, "2026-08-20",
     T("Mads tested the one-page lessons-learned format on a closed substation project: 35 minutes to write, "
       "and the next project team used two of its points.",
       "Mads afprøvede erfaringsskabelonen på én side på et afsluttet transformerstationsprojekt: 35 minutter at "
       "skrive, og det næste projektteam brugte to af punkterne."),
     []),
    ("2026-07-01", "s11", "chat", 0, "2026-08-11",
     T("Julie: 78 % of the active contracts now have complete metadata, and finding a signed contract takes "
       "about 12 minutes.",
       "Julie: 78 % af de aktive kontrakter har nu komplette metadata, og det tager omkring 12 minutter at finde "
       "en underskrevet kontrakt."),
     []),
    ("2026-08-11", "s12", "call", 0, "2026-09-15",
     T("Thomas wants the supplier agreements in the repository too and offers Procurement's time for the "
       "migration when they join.",
       "Thomas vil også have leverandøraftalerne ind i kontraktarkivet og tilbyder Indkøbs tid til migreringen, "
       "når de kommer med."),
     []),
    ("2026-08-18", "s16", "other", 0, "2026-09-30",
     T("Walk-and-talk with Sara: planned the intranet story with Julie as the voice, to be published in "
       "September with the final pilot numbers.",
       "Walk-and-talk med Sara: planlagde intranethistorien med Julie som stemmen; den udkommer i september med "
       "pilotens endelige tal."),
     []),
    ("2026-08-25", "s5", "meeting", 0, "2026-09-01",
     T("Final pilot numbers with Anne: search time 45 → 9 minutes, metadata 93 % complete, missed notice "
       "deadlines down from seven a quarter to two.",
       "Pilotens endelige tal med Anne: søgetid 45 → 9 minutter, 93 % komplette metadata og oversete "
       "opsigelsesfrister nede fra syv pr. kvartal til to."),
     []),
    ("2026-09-01", "s4", "meeting", 0, "2026-09-22",
     T("Prepared the September briefing with Birgitte. She presents the problem, Anne the proof and I the plan. "
       "Ten slides, no external references on the main slides.",
       "Forberedte septemberbriefingen med Birgitte. Hun fremlægger problemet, Anne beviset og jeg planen. "
       "Ti slides og ingen eksterne referencer på hovedslides."),
     []),
    ("2026-09-08", "s18", "workshop", 0, "2026-10-06",
     T("Launched the follow-up survey through Emma's network and Legal, with the same questions as in March.",
       "Sendte opfølgningsundersøgelsen ud via Emmas netværk og Juridisk med de samme spørgsmål som i marts."),
     []),
    ("2026-09-29", "s13", "call", 0, "2026-10-27",
     T("Hanne: the ISO auditor closed the document-control finding, citing the repository's version control.",
       "Hanne: ISO-auditoren har lukket fundet om dokumentstyring med henvisning til kontraktarkivets "
       "versionsstyring."),
     []),
    ("2026-09-30", "s15", "meeting", 0, "2026-10-21",
     T("Started the phase 2 business case with Louise: hours freed in Legal and Sales, valued at the internal "
       "rate of 750 DKK an hour.",
       "Gik i gang med business casen for fase 2 sammen med Louise: frigjorte timer i Juridisk og Salg, prissat "
       "til den interne timesats på 750 kr."),
     []),
    ("2026-10-05", "s7", "meeting", 0, "2026-11-02",
     T("Karina confirmed that Sales joins phase 2 with two super-users. She wants to see the roll-out plan "
       "before December.",
       "Karina bekræftede, at Salg går med i fase 2 med to superbrugere. Hun vil se udrulningsplanen før "
       "december."),
     [T("Sales needs a roll-out plan before the renewal season",
        "Salg skal have en udrulningsplan før genforhandlingssæsonen")]),
    ("2026-10-06", "s3", "call", 0, None,
     T("Debrief with Jens after the partial approval. His advice: give the executive team air until December and "
       "come back with the money and the security sign-off.",
       "Opfølgning med Jens efter den delvise godkendelse. Hans råd: Giv direktionen luft til december, og kom "
       "tilbage med pengene og sikkerhedsgodkendelsen."),
     []),
    ("2026-10-08", "s4", "meeting", 0, "2026-12-01",
     T("Birgitte will carry the phase 2 ask on 8 December. We agreed that neither of us contacts the rest of the "
       "executive team before then.",
       "Birgitte bærer indstillingen om fase 2 den 8. december. Vi aftalte, at ingen af os kontakter resten af "
       "direktionen inden da."),
     []),
    ("2026-10-14", "s16", "chat", 0, "2026-11-11",
     T("Sara wants a follow-up story on Sales joining phase 2 — after the December decision.",
       "Sara vil lave en opfølgende historie om, at Salg kommer med i fase 2 — efter beslutningen i december."),
     []),
    ("2026-10-20", "s10", "meeting", 0, "2026-11-13",
     T("Agreed the scope of the security review with Rasmus: classification labels, external sharing and "
       "retention.",
       "Aftalte omfanget af sikkerhedsgennemgangen med Rasmus: klassifikationsmærker, ekstern deling og "
       "opbevaring."),
     [T("External sharing is switched on for the pilot site", "Ekstern deling er slået til på pilotens site")]),
    ("2026-10-27", "s9", "email", 0, "2026-11-24",
     T("Morten confirmed that phase 2 needs no new licences: 120 users in Legal and Sales fit within the existing "
       "Microsoft 365 agreement.",
       "Morten bekræftede, at fase 2 ikke kræver nye licenser: 120 brugere i Juridisk og Salg kan rummes i den "
       "eksisterende Microsoft 365-aftale."),
     []),
    ("2026-11-04", "s12", "call", 0, "2026-12-02",
     T("Thomas has listed 1,100 supplier agreements for phase 3; about a third are probably duplicates.",
       "Thomas har listet 1.100 leverandøraftaler til fase 3; omkring en tredjedel er formentlig dubletter."),
     [T("About a third of the supplier agreements may be duplicates",
        "Omkring en tredjedel af leverandøraftalerne kan være dubletter")]),
    ("2026-11-06", "s15", "meeting", 0, "2026-11-25",
     T("Business case agreed with Louise: about 1,800 hours a year freed in Legal and Sales, worth 1.35 M DKK a "
       "year; payback in 11 months.",
       "Business casen er aftalt med Louise: omkring 1.800 frigjorte timer om året i Juridisk og Salg, svarende "
       "til 1,35 mio. kr. om året; tilbagebetalingstid 11 måneder."),
     []),
    ("2026-11-10", "s14", "call", 0, "2026-12-08",
     T("Mads: three of the last eight Infrastructure project starts reused a lessons-learned page. He will show "
       "one at the project managers' forum.",
       "Mads: Tre af de seneste otte projektstarter i Infrastruktur har genbrugt en erfaringsside. Han viser et "
       "eksempel på projektlederforum."),
     []),
    ("2026-11-12", "s6", "meeting", 0, "2026-12-03",
     T("Søren will bring the lessons-learned results to the December meeting as the second proof: time spent "
       "re-creating documents down from 6.5 to 4.4 hours a week per project manager.",
       "Søren tager resultaterne fra erfaringspiloten med på decembermødet som det andet bevis: tid brugt på at "
       "genskabe dokumenter er faldet fra 6,5 til 4,4 timer om ugen pr. projektleder."),
     []),
    ("2026-11-13", "s10", "meeting", 0, "2026-12-04",
     T("Security review done, with two conditions: switch off external sharing and apply retention labels before "
       "Sales joins. Rasmus signs off when both are fixed.",
       "Sikkerhedsgennemgangen er færdig med to betingelser: Ekstern deling skal slås fra, og opbevaringsmærker "
       "skal på, før Salg kommer med. Rasmus godkender, når begge dele er på plads."),
     [T("Retention labels are missing on the migrated contracts",
        "Opbevaringsmærker mangler på de flyttede kontrakter")]),
    ("2026-11-16", "s18", "chat", 0, "2026-12-07",
     T("Emma collected three short quotes from young engineers on the lessons-learned pages for the appendix.",
       "Emma har samlet tre korte citater fra unge ingeniører om erfaringssiderne til bilaget."),
     []),
    ("2026-11-18", "s5", "meeting", 0, "2026-12-02",
     T("Rehearsed the December deck with Anne. Cut it to ten slides; every open objection has an answer on the "
       "'since last time' slide.",
       "Øvede decemberpræsentationen med Anne. Skåret ned til ti slides; alle åbne indvendinger er besvaret på "
       "sliden »Siden sidst«."),
     []),
    ("2026-11-20", "s11", "chat", 0, "2026-12-04",
     T("Julie switched off external sharing and applied retention labels to 380 of the 412 contracts.",
       "Julie har slået ekstern deling fra og sat opbevaringsmærker på 380 af de 412 kontrakter."),
     []),
]

# --------------------------------------------------------------------------- references

REFERENCES = [
    {"id": "r1", "title": T("The hidden cost of information search in knowledge work",
                            "The hidden cost of information search in knowledge work"),
     "publisher": T("Example Analyst Group", "Example Analyst Group"),
     "url": "https://example.com/research/hidden-cost-of-search", "year": 2024, "kind": "analyst"},
    {"id": "r2", "title": T("Contract management maturity and litigation risk",
                            "Modenhed i kontraktstyring og risikoen for retssager"),
     "publisher": T("Legal Operations Review", "Legal Operations Review"),
     "url": "https://example.com/lor/contract-maturity", "year": 2025, "kind": "article"},
    {"id": "r3", "title": T("Internal audit 2025: contract handling in Legal",
                            "Intern revision 2025: kontrakthåndtering i Juridisk"),
     "publisher": T("Nordvik Internal Audit", "Nordvik Intern Revision"),
     "url": "https://intranet.example.com/audit/2025-07-contracts", "year": 2025, "kind": "internal"},
    {"id": "r4", "title": T("Why lessons learned are not learned",
                            "Hvorfor erfaringer ikke bliver til læring"),
     "publisher": T("Project Management Quarterly", "Project Management Quarterly"),
     "url": "https://example.com/pmq/lessons-learned", "year": 2023, "kind": "article"},
]

# --------------------------------------------------------------------------- surveys

LIKERT = [T("Strongly disagree", "Meget uenig"), T("Disagree", "Uenig"),
          T("Neither agree nor disagree", "Hverken enig eller uenig"), T("Agree", "Enig"),
          T("Strongly agree", "Meget enig")]
FREQUENCY = [T("Rarely", "Sjældent"), T("Monthly", "Månedligt"), T("Weekly", "Ugentligt"), T("Daily", "Dagligt")]
REPOSITORY = T("The contract repository", "Kontraktarkivet")
PLACES = [T("Shared drives", "Fællesdrev"), T("Outlook folders", "Outlook-mapper"), T("SharePoint", "SharePoint"),
          T("Paper binders", "Papirmapper"), T("I ask a colleague", "Jeg spørger en kollega")]

Q_FIND = T("I can quickly find the signed contract or document I need.",
           "Jeg kan hurtigt finde den underskrevne kontrakt eller det dokument, jeg har brug for.")
Q_TRUST = T("I trust that the version I find is the valid one.",
            "Jeg stoler på, at den version, jeg finder, er den gældende.")
Q_REUSE = T("Experience from earlier projects is easy to find and reuse.",
            "Erfaringer fra tidligere projekter er lette at finde og genbruge.")
Q_OFTEN = T("How often do you need to find a contract?", "Hvor ofte har du brug for at finde en kontrakt?")
Q_WHERE = T("Where do you look for a contract? (choose all that apply)",
            "Hvor leder du efter en kontrakt? (vælg alle relevante)")
Q_MINUTES = T("How many minutes did your last contract search take?",
              "Hvor mange minutter tog din seneste kontraktsøgning?")

TEXTS_BASELINE = [
    T("Nobody knows which folder is the right one.", "Ingen ved, hvilken mappe der er den rigtige."),
    T("The signed version is often only in someone's inbox.",
      "Den underskrevne version ligger tit kun i én persons indbakke."),
    T("Too many versions with names like 'final_final2'.", "Alt for mange versioner med navne som »endelig_endelig2«."),
    T("I have to ask Legal, and they are busy.", "Jeg må spørge Juridisk, og de har travlt."),
    T("Search on the shared drive does not look inside PDFs.", "Søgningen på fællesdrevet kigger ikke i pdf-filer."),
    T("Old paper contracts were never scanned.", "Gamle papirkontrakter er aldrig blevet scannet."),
    T("I don't know who worked on similar projects before.",
      "Jeg ved ikke, hvem der har arbejdet på lignende projekter før."),
    T("Lessons-learned reports are too long and hard to find.", "Erfaringsrapporterne er for lange og svære at finde."),
    T("Notice periods are in a spreadsheet only one person has.",
      "Opsigelsesvarslerne står i et regneark, som kun én person har."),
    T("Time. There is never time to tidy up.", "Tid. Der er aldrig tid til at rydde op."),
]
TEXTS_AFTER = [
    T("I find contracts in a couple of minutes now.", "Jeg finder kontrakter på et par minutter nu."),
    T("The status field saves me a phone call to Legal every time.",
      "Statusfeltet sparer mig for et opkald til Juridisk hver gang."),
    T("The deadline alerts are great — please give them to Sales too.",
      "Fristvarslerne er rigtig gode — giv dem også til Salg."),
    T("Old contracts from before 2020 are still missing.", "Gamle kontrakter fra før 2020 mangler stadig."),
    T("Sales still cannot see the framework agreements.", "Salg kan stadig ikke se rammeaftalerne."),
    T("The one-page lessons format is actually read.", "Erfaringssiden på én side bliver faktisk læst."),
    T("Still hard to find who knows what outside my own division.",
      "Det er stadig svært at finde ud af, hvem der ved hvad uden for min egen division."),
    T("Search works, but metadata is sometimes missing on new contracts.",
      "Søgningen virker, men metadata mangler nogle gange på nye kontrakter."),
    T("I trust the version I find now.", "Nu stoler jeg på den version, jeg finder."),
    T("I would like the same for templates and method descriptions.",
      "Jeg vil gerne have det samme for skabeloner og metodebeskrivelser."),
]


# fmt: on
class Wave(NamedTuple):
    """How one survey wave's answers are drawn."""

    n: int
    first_day: str
    days: int
    likert: tuple[tuple[float, ...], ...]  # weights low → high for find, trust, reuse
    frequency: tuple[float, ...]  # weights for FREQUENCY
    places: tuple[float, ...]  # probability of ticking each place (repository first when present)
    minutes: tuple[float, float, int, int]  # median, spread, lowest, highest
    texts: list[T]
    seed: int


BASELINE = Wave(
    n=52,
    first_day="2026-03-10",
    days=9,
    likert=((24, 36, 20, 15, 5), (22, 38, 22, 14, 4), (20, 34, 28, 14, 4)),
    frequency=(10, 25, 40, 25),
    places=(0.80, 0.55, 0.30, 0.35, 0.65),
    minutes=(43, 0.45, 5, 150),
    texts=TEXTS_BASELINE,
    seed=2026_03,
)
AFTER = Wave(
    n=48,
    first_day="2026-09-08",
    days=9,
    likert=((2, 8, 14, 46, 30), (3, 10, 20, 42, 25), (10, 24, 32, 26, 8)),
    frequency=(10, 25, 40, 25),
    places=(0.88, 0.25, 0.15, 0.20, 0.06, 0.30),
    minutes=(9, 0.5, 2, 60),
    texts=TEXTS_AFTER,
    seed=2026_09,
)


def draw(wave: Wave, with_repository: bool) -> list[dict[str, Any]]:
    """Language-free answers: indices into the scales, minutes as numbers, texts as T."""
    rng = random.Random(wave.seed)
    start = dt.datetime.fromisoformat(wave.first_day)
    times = []
    while len(times) < wave.n:
        day = start + dt.timedelta(days=rng.randrange(wave.days))
        if day.weekday() < 5:
            times.append(day.replace(hour=rng.randint(8, 16), minute=rng.randrange(60)))
    times.sort()
    places = ([REPOSITORY] if with_repository else []) + PLACES
    rows = []
    for when in times:
        row: dict[str, Any] = {"submitted": when.isoformat(timespec="seconds")}
        for key, weights in zip(("find", "trust", "reuse"), wave.likert, strict=True):
            row[key] = rng.choices(range(5), weights)[0]
        if rng.random() < 0.03:
            row["reuse"] = None  # a skipped item, as a null
        row["often"] = rng.choices(range(4), wave.frequency)[0]
        ticked = [place for place, p in zip(places, wave.places, strict=True) if rng.random() < p]
        row["where"] = ticked or [places[-1]]
        median, spread, low, high = wave.minutes
        minutes = round(min(high, max(low, rng.lognormvariate(0, spread) * median)))
        row["minutes"] = None if rng.random() < 0.05 else (5 * round(minutes / 5) if minutes > 20 else minutes)
        row["text"] = rng.choice(wave.texts) if rng.random() < 0.5 else None
        rows.append(row)
    return rows


def questions(prefix: str, with_repository: bool, text_question: T) -> list[dict[str, Any]]:
    places = ([REPOSITORY] if with_repository else []) + PLACES
    return [
        {"id": f"{prefix}.1", "text": Q_FIND, "kind": "likert", "scale": LIKERT},
        {"id": f"{prefix}.2", "text": Q_TRUST, "kind": "likert", "scale": LIKERT},
        {"id": f"{prefix}.3", "text": Q_REUSE, "kind": "likert", "scale": LIKERT},
        {"id": f"{prefix}.4", "text": Q_OFTEN, "kind": "single", "scale": FREQUENCY},
        {"id": f"{prefix}.5", "text": Q_WHERE, "kind": "multi", "scale": places},
        {"id": f"{prefix}.6", "text": Q_MINUTES, "kind": "number", "scale": []},
        {"id": f"{prefix}.7", "text": text_question, "kind": "text", "scale": []},
    ]


def responses(prefix: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Responses as the interchange format has them; blanks are omitted, or null for a skipped item."""
    out = []
    for row in rows:
        answers: dict[str, Any] = {}
        for number, key in enumerate(("find", "trust", "reuse"), start=1):
            answers[f"{prefix}.{number}"] = None if row[key] is None else LIKERT[row[key]]
        answers[f"{prefix}.4"] = FREQUENCY[row["often"]]
        answers[f"{prefix}.5"] = row["where"]
        if row["minutes"] is not None:
            answers[f"{prefix}.6"] = row["minutes"]
        if row["text"] is not None:
            answers[f"{prefix}.7"] = row["text"]
        out.append({"submitted": row["submitted"], "answers": answers})
    return out


def top2(rows: list[dict[str, Any]], key: str) -> int:
    """Per cent answering Agree or Strongly agree, of those who answered."""
    given = [row[key] for row in rows if row[key] is not None]
    return round(100 * sum(1 for value in given if value >= 3) / len(given))


def share(rows: list[dict[str, Any]], test: Any) -> int:
    return round(100 * sum(1 for row in rows if test(row)) / len(rows))


def ticked(rows: list[dict[str, Any]], place: T) -> int:
    """Per cent who ticked ``place`` among the places they look."""
    return share(rows, lambda row: place in row["where"])


def median_minutes(rows: list[dict[str, Any]]) -> int:
    return round(statistics.median(row["minutes"] for row in rows if row["minutes"] is not None))


def mean_minutes(rows: list[dict[str, Any]]) -> int:
    return round(statistics.mean(row["minutes"] for row in rows if row["minutes"] is not None))


ROWS_BASELINE = draw(BASELINE, with_repository=False)
ROWS_AFTER = draw(AFTER, with_repository=True)
FIND_BEFORE, FIND_AFTER = top2(ROWS_BASELINE, "find"), top2(ROWS_AFTER, "find")
TRUST_BEFORE, TRUST_AFTER = top2(ROWS_BASELINE, "trust"), top2(ROWS_AFTER, "trust")
REUSE_BEFORE, REUSE_AFTER = top2(ROWS_BASELINE, "reuse"), top2(ROWS_AFTER, "reuse")
WEEKLY = share(ROWS_BASELINE, lambda row: row["often"] >= 2)
SHARED, OUTLOOK, SHAREPOINT, PAPER, COLLEAGUE = (ticked(ROWS_BASELINE, place) for place in PLACES)
IN_REPOSITORY = ticked(ROWS_AFTER, REPOSITORY)
MEDIAN_BEFORE, MEDIAN_AFTER = median_minutes(ROWS_BASELINE), median_minutes(ROWS_AFTER)
MEAN_BEFORE = mean_minutes(ROWS_BASELINE)
# the findings below name shared drives and Outlook folders as the most used places
assert min(SHARED, OUTLOOK) > max(SHAREPOINT, PAPER, COLLEAGUE)

# fmt: off
SURVEYS = [
    {
        "id": "q1",
        "title": T("Baseline: finding contracts and knowledge", "Baseline: at finde kontrakter og viden"),
        "date": BASELINE.first_day, "sponsor_id": "s5", "source": "msforms",
        "questions": questions("q1", False, T("What is the biggest obstacle to finding what you need?",
                                              "Hvad er den største forhindring for at finde det, du har brug for?")),
        "responses": responses("q1", ROWS_BASELINE),
        "findings": [
            T(f"Only {FIND_BEFORE} % agree that they can quickly find the contract or document they need, and "
              f"{TRUST_BEFORE} % trust that the version they find is the valid one (n = {BASELINE.n}).",
              f"Kun {FIND_BEFORE} % er enige i, at de hurtigt kan finde den kontrakt eller det dokument, de har brug "
              f"for, og {TRUST_BEFORE} % stoler på, at den version, de finder, er den gældende (n = {BASELINE.n})."),
            T(f"The last contract search took {MEAN_BEFORE} minutes on average (median {MEDIAN_BEFORE}), and "
              f"{WEEKLY} % need a contract at least once a week.",
              f"Den seneste kontraktsøgning tog i gennemsnit {MEAN_BEFORE} minutter (median {MEDIAN_BEFORE}), og "
              f"{WEEKLY} % har brug for en kontrakt mindst én gang om ugen."),
            T(f"Shared drives ({SHARED} %) and Outlook folders ({OUTLOOK} %) are where most people look; "
              f"{COLLEAGUE} % end up asking a colleague, and {PAPER} % still search paper binders.",
              f"Fællesdrev ({SHARED} %) og Outlook-mapper ({OUTLOOK} %) er de steder, flest leder; {COLLEAGUE} % "
              f"ender med at spørge en kollega, og {PAPER} % leder stadig i papirmapper."),
        ],
    },
    {
        "id": "q2",
        "title": T("After the pilot: finding contracts and knowledge", "Efter piloten: at finde kontrakter og viden"),
        "date": AFTER.first_day, "sponsor_id": "s4", "source": "googleforms",
        "questions": questions("q2", True, T("What has changed for you — and what still gets in the way?",
                                             "Hvad har ændret sig for dig — og hvad står stadig i vejen?")),
        "responses": responses("q2", ROWS_AFTER),
        "findings": [
            T(f"{FIND_AFTER} % now agree that they can quickly find the contract they need, up from {FIND_BEFORE} % in "
              f"March; trust in the version found rose from {TRUST_BEFORE} % to {TRUST_AFTER} % (n = {AFTER.n}).",
              f"{FIND_AFTER} % er nu enige i, at de hurtigt kan finde den kontrakt, de har brug for, mod "
              f"{FIND_BEFORE} % i marts; tilliden til den fundne version steg fra {TRUST_BEFORE} % til "
              f"{TRUST_AFTER} % (n = {AFTER.n})."),
            T(f"The median search fell from {MEDIAN_BEFORE} to {MEDIAN_AFTER} minutes, and {IN_REPOSITORY} % now "
              f"look in the contract repository.",
              f"Mediansøgetiden faldt fra {MEDIAN_BEFORE} til {MEDIAN_AFTER} minutter, og {IN_REPOSITORY} % leder "
              f"nu i kontraktarkivet."),
            T(f"Reuse of project experience improved less ({REUSE_BEFORE} % → {REUSE_AFTER} %) — the lessons-learned "
              f"pilot in Infrastructure is still running.",
              f"Genbrug af projekterfaringer er forbedret mindre ({REUSE_BEFORE} % → {REUSE_AFTER} %) — "
              f"erfaringspiloten i Infrastruktur kører stadig."),
        ],
    },
]

# fmt: on
# --------------------------------------------------------------------------- initiatives and KPIs


def deliverable(title: T, owner: str, due: str | None) -> dict[str, Any]:
    """A deliverable of a phase with the person who owns it (none yet: "") and when it is due."""
    return {"title": title, "owner": owner, "due": due}


def step(text: T, owner: str, due: str | None, done: bool) -> dict[str, Any]:
    """A next step agreed at a presentation: who does it, by when, and whether it is done."""
    return {"text": text, "owner": owner, "due": due, "done": done}


def kpi(
    kpi_id: str,
    name: T,
    category: str,
    unit: T | str,
    direction: str,
    baseline: float,
    target: float,
    measurements: list[tuple[str, float]],
) -> dict[str, Any]:
    return {
        "id": kpi_id,
        "name": name,
        "category": category,
        "unit": unit,
        "direction": direction,
        "baseline": baseline,
        "target": target,
        "measurements": [{"date": date, "value": value} for date, value in measurements],
    }


# fmt: off
INITIATIVES = [
    {
        "id": "i1", "title": T("Contract repository pilot in Legal", "Pilot: fælles kontraktarkiv i Juridisk"),
        "sponsor_id": "s5", "budget": 350000, "status": "done", "start": "2026-04-01", "end": "2026-08-31",
        "problem_ids": ["p1", "p2"], "csf_ids": ["c1", "c2"],
        "kpis": [
            kpi("k1", T("Average time to find a signed contract",
                        "Gennemsnitlig tid til at finde en underskrevet kontrakt"),
                "time_saved", "min", "down", 45, 8,
                [("2026-03-15", 45), ("2026-05-01", 31), ("2026-06-01", 19), ("2026-07-01", 12),
                 ("2026-08-31", 9), ("2026-10-31", 8)]),
            kpi("k2", T("Active contracts with complete metadata", "Aktive kontrakter med komplette metadata"),
                "quality", "%", "up", 38, 95,
                [("2026-03-15", 38), ("2026-05-01", 55), ("2026-06-01", 68), ("2026-07-01", 78),
                 ("2026-08-31", 93)]),
            kpi("k3", T("Missed notice or renewal deadlines", "Oversete opsigelses- eller fornyelsesfrister"),
                "quality", T("per quarter", "pr. kvartal"), "down", 7, 1,
                [("2026-03-31", 7), ("2026-05-31", 5), ("2026-07-31", 2), ("2026-09-30", 1)]),
            kpi("k4", T("Staff who can find contracts quickly (survey, top-2-box)",
                        "Medarbejdere, der hurtigt kan finde kontrakter (undersøgelse, top-2)"),
                "mindset", "%", "up", FIND_BEFORE, 70,
                [(BASELINE.first_day, FIND_BEFORE),
                 ("2026-05-20", round(FIND_BEFORE + (FIND_AFTER - FIND_BEFORE) * 0.3)),
                 ("2026-07-01", round(FIND_BEFORE + (FIND_AFTER - FIND_BEFORE) * 0.65)),
                 (AFTER.first_day, FIND_AFTER)]),
        ],
    },
    {
        "id": "i2", "title": T("Lessons-learned pilot in Infrastructure", "Pilot: erfaringsopsamling i Infrastruktur"),
        "sponsor_id": "s6", "budget": 180000, "status": "running", "start": "2026-06-01", "end": "2027-01-29",
        "problem_ids": ["p3"], "csf_ids": ["c3", "c4"],
        "kpis": [
            kpi("k5", T("Time spent re-creating existing documents",
                        "Tid brugt på at genskabe eksisterende dokumenter"),
                "time_saved", T("hours/week", "timer/uge"), "down", 6.5, 3,
                [("2026-06-01", 6.5), ("2026-08-01", 5.8), ("2026-09-15", 5.1), ("2026-11-15", 4.4)]),
            kpi("k6", T("Project starts that reuse a lessons-learned page",
                        "Projektstarter, der genbruger en erfaringsside"),
                "culture", "%", "up", 10, 60,
                [("2026-06-01", 10), ("2026-08-01", 22), ("2026-09-15", 33), ("2026-11-15", 42)]),
            kpi("k7", T("Gate reviews where the director asks for earlier lessons",
                        "Gatereviews, hvor direktøren spørger efter tidligere erfaringer"),
                "leadership_support", "%", "up", 5, 50,
                [("2026-06-01", 5), ("2026-08-01", 12), ("2026-09-15", 22), ("2026-11-15", 31)]),
        ],
    },
]

# --------------------------------------------------------------------------- problems, CSFs, phases

PROBLEMS = [
    {"id": "p1", "process": T("Contract management", "Kontraktstyring"),
     "title": T("Signed contracts cannot be found quickly", "Underskrevne kontrakter kan ikke findes hurtigt"),
     "description": T("Signed contracts are spread over three shared drives, Outlook folders and paper binders. "
                      "Finding one takes 45 minutes on average.",
                      "Underskrevne kontrakter ligger spredt på tre fællesdrev, i Outlook-mapper og i papirmapper. "
                      "Det tager i gennemsnit 45 minutter at finde én."),
     "impact": T("Two near-lawsuits in 2025 when the signed version could not be produced before the court's "
                 "deadline; about 2,250 hours a year spent searching in Legal and Sales.",
                 "To nær-retssager i 2025, fordi den underskrevne version ikke kunne fremlægges inden rettens frist; "
                 "omkring 2.250 timer om året går med at søge i Juridisk og Salg."),
     "severity": 5,
     "evidence": T("Timed searches at the Legal workshop (January 2026); baseline survey (March 2026); internal "
                   "audit 2025.",
                   "Tidtagning af søgninger på workshoppen i Juridisk (januar 2026); baseline-undersøgelsen "
                   "(marts 2026); intern revision 2025.")},
    {"id": "p2", "process": T("Contract management", "Kontraktstyring"),
     "title": T("No one can tell which version is valid", "Ingen kan se, hvilken version der er gældende"),
     "description": T("Drafts, negotiated versions and signed copies sit side by side with no status. Notice "
                      "periods are tracked in personal spreadsheets.",
                      "Udkast, forhandlede versioner og underskrevne kopier ligger side om side uden status. "
                      "Opsigelsesvarsler holdes i personlige regneark."),
     "impact": T("Seven missed renewal or notice deadlines a quarter, and an open ISO 9001 finding on document "
                 "control.",
                 "Syv oversete frister for fornyelse eller opsigelse pr. kvartal og et åbent ISO 9001-fund om "
                 "dokumentstyring."),
     "severity": 4,
     "evidence": T("Legal's deadline log for Q1 2026; ISO 9001 audit report 2025; baseline survey: few trust the "
                   "version they find.",
                   "Juridisks fristlog for 1. kvartal 2026; ISO 9001-auditrapporten 2025; baseline-undersøgelsen: "
                   "få stoler på den version, de finder.")},
    {"id": "p3", "process": T("Project delivery", "Projektgennemførelse"),
     "title": T("Lessons learned are written but never reused", "Erfaringer skrives ned, men genbruges aldrig"),
     "description": T("Every project writes a 20-page close-out report. Nobody asks for them at the next project "
                      "start, so known mistakes are repeated.",
                      "Alle projekter skriver en afslutningsrapport på 20 sider. Ingen spørger efter dem ved næste "
                      "projektstart, så kendte fejl gentages."),
     "impact": T("Re-work in design reviews; project managers spend 6.5 hours a week re-creating documents that "
                 "already exist.",
                 "Omarbejde i designgennemgange; projektledere bruger 6,5 timer om ugen på at genskabe dokumenter, "
                 "der allerede findes."),
     "severity": 3,
     "evidence": T("Interviews with six project managers in Infrastructure and Energy; time-registration sample "
                   "from June 2026.",
                   "Interview med seks projektledere i Infrastruktur og Energi; stikprøve af tidsregistreringen fra "
                   "juni 2026.")},
    {"id": "p4", "process": T("Bids and tenders", "Tilbud og udbud"),
     "title": T("Bid teams rebuild references and method texts from scratch",
                "Tilbudsteams genskaber referencer og metodebeskrivelser fra bunden"),
     "description": T("Project references, CVs and method descriptions are not kept in one place, so every bid "
                      "team writes them again under time pressure.",
                      "Projektreferencer, CV'er og metodebeskrivelser findes ikke ét sted, så hvert tilbudsteam "
                      "skriver dem igen under tidspres."),
     "impact": T("Slower bids, uneven quality and weaker scores on the quality criteria of public tenders.",
                 "Langsommere tilbud, svingende kvalitet og lavere point på kvalitetskriterierne i offentlige "
                 "udbud."),
     "severity": 3,
     "evidence": T("Interviews with the bid office and two project directors; young professionals workshop "
                   "(November 2025).",
                   "Interview med tilbudskontoret og to projektdirektører; workshop med unge ingeniører "
                   "(november 2025).")},
]

CSFS = [
    {"id": "c1", "title": T("One trusted place for every signed contract",
                            "Ét sikkert sted til alle underskrevne kontrakter"),
     "description": T("All active contracts in one repository on the existing Microsoft 365 platform, classified "
                      "under the security policy.",
                      "Alle aktive kontrakter i ét kontraktarkiv på den eksisterende Microsoft 365-platform, "
                      "klassificeret efter sikkerhedspolitikken."),
     "problem_ids": ["p1", "p2"]},
    {"id": "c2", "title": T("Complete metadata and deadline alerts from the day of signing",
                            "Komplette metadata og fristvarsler fra underskriftsdagen"),
     "description": T("Eight mandatory fields filled in by the contract manager at signing; notice and renewal "
                      "dates trigger alerts.",
                      "Otte obligatoriske felter udfyldes af den kontraktansvarlige ved underskrift; opsigelses- og "
                      "fornyelsesdatoer udløser varsler."),
     "problem_ids": ["p1", "p2"]},
    {"id": "c3", "title": T("Lessons learned on one page, asked for at every start gate",
                            "Erfaringer på én side, som der spørges efter ved hver startgate"),
     "description": T("Short, searchable lessons-learned pages written at close-out and reviewed at the next "
                      "project start.",
                      "Korte, søgbare erfaringssider, der skrives ved projektafslutning og gennemgås ved næste "
                      "projektstart."),
     "problem_ids": ["p3"]},
    {"id": "c4", "title": T("Leaders ask for existing knowledge before new work starts",
                            "Ledere spørger efter eksisterende viden, før nyt arbejde går i gang"),
     "description": T("Project directors and bid managers make reuse of references, methods and lessons a standard "
                      "question at gates and bid kick-offs.",
                      "Projektdirektører og tilbudsansvarlige gør genbrug af referencer, metoder og erfaringer til et "
                      "fast spørgsmål ved gates og tilbudsopstart."),
     "problem_ids": ["p3", "p4"]},
]

PHASES = [
    {"id": "ph1", "name": T("Phase 1: Prove it in Legal", "Fase 1: Bevis det i Juridisk"),
     "start": "2026-04-01", "end": "2026-08-31",
     "objectives": [T("Cut contract search time from 45 to under 10 minutes",
                      "Skære søgetiden for kontrakter fra 45 til under 10 minutter"),
                    T("Complete metadata on all active contracts", "Komplette metadata på alle aktive kontrakter"),
                    T("Show the effect in our own numbers", "Vise effekten i vores egne tal")],
     "deliverables": [deliverable(T("Contract repository for Legal with 412 active contracts",
                                    "Kontraktarkiv for Juridisk med 412 aktive kontrakter"), "Anne Mørk", "2026-06-30"),
                      deliverable(T("Deadline alerts for notice and renewal",
                                    "Fristvarsler for opsigelse og fornyelse"),
                                  "Anne Mørk", "2026-05-15"),
                      deliverable(T("Before-and-after survey and KPI report",
                                    "Før- og efterundersøgelse og KPI-rapport"),
                                  "Mette Lund", "2026-08-31")],
     "cost": 350000, "risk": "low", "csf_ids": ["c1", "c2"], "status": "done",
     "outcome": T("Contract search fell from 45 to 8 minutes and 93 % of active contracts have complete metadata; "
                  "missed deadlines fell from 7 to 1 a quarter. The repository stays in production in Legal.",
                  "Søgetiden for kontrakter faldt fra 45 til 8 minutter, og 93 % af de aktive kontrakter har komplette "
                  "metadata; oversete frister faldt fra 7 til 1 pr. kvartal. Kontraktarkivet forbliver i drift i "
                  "Juridisk.")},
    {"id": "ph2", "name": T("Phase 2: Legal and Sales", "Fase 2: Juridisk og Salg"),
     "start": "2027-01-11", "end": "2027-06-30",
     "objectives": [T("Everyone in Legal and Sales finds a contract in under 10 minutes",
                      "Alle i Juridisk og Salg finder en kontrakt på under 10 minutter"),
                    T("No missed notice deadlines", "Ingen oversete opsigelsesfrister"),
                    T("One-page lessons learned standard in Infrastructure and Energy",
                      "Erfaringer på én side er standard i Infrastruktur og Energi")],
     "deliverables": [deliverable(T("Repository rolled out to 120 users in Legal and Sales",
                                    "Kontraktarkivet udrullet til 120 brugere i Juridisk og Salg"),
                                  "Anne Mørk", "2027-04-30"),
                      deliverable(T("Framework agreements with the 30 largest clients migrated with metadata",
                                    "Rammeaftalerne med de 30 største kunder flyttet ind med metadata"),
                                  "Karina Vestergaard", "2027-03-31"),
                      deliverable(T("IT security sign-off and retention labels",
                                    "IT-sikkerhedsgodkendelse og opbevaringsmærker"), "Morten Friis", "2027-02-15"),
                      deliverable(T("One-page lessons-learned format in the project model",
                                    "Erfaringsskabelonen på én side indarbejdet i projektmodellen"),
                                  "Søren Dahl", "2027-06-30")],
     "cost": 1200000, "risk": "medium", "csf_ids": ["c1", "c2", "c3"], "status": "planned", "outcome": ""},
    {"id": "ph3", "name": T("Phase 3: A knowledge base for the whole company",
                            "Fase 3: En fælles videnbase for hele virksomheden"),
     "start": "2027-08-16", "end": "2028-06-30",
     "objectives": [T("Procurement, bids and project delivery on the same platform",
                      "Indkøb, tilbud og projektgennemførelse på samme platform"),
                    T("Reuse of references and lessons in every bid and project start",
                      "Genbrug af referencer og erfaringer i hvert tilbud og ved hver projektstart")],
     "deliverables": [deliverable(T("Supplier agreements migrated and de-duplicated",
                                    "Leverandøraftaler flyttet ind og renset for dubletter"), "", None),
                      deliverable(T("Reference and method library for the bid office",
                                    "Bibliotek med referencer og metodebeskrivelser til tilbudskontoret"), "", None),
                      deliverable(T("Expert finder linked to the competence database",
                                    "Ekspertsøgning koblet til kompetencedatabasen"), "Peter Nørgaard", "2028-03-31")],
     "cost": 4800000, "risk": "high", "csf_ids": ["c1", "c2", "c3", "c4"], "status": "planned", "outcome": ""},
]

BENEFITS = [
    {"id": "b1", "title": T("Time saved finding contracts in Legal", "Sparet tid på at finde kontrakter i Juridisk"),
     "kind": "saving", "amount_per_year": 468000, "kpi_id": "k1", "initiative_id": "i1", "confidence": "measured",
     "basis": T("20 people in Legal × 1.1 searches a week × 37 minutes saved (45 → 8, measured) × 46 weeks ≈ 624 hours "
                "a year × 750 DKK an hour (Controlling's rate).",
                "20 personer i Juridisk × 1,1 søgning om ugen × 37 sparede minutter (45 → 8, målt) × 46 uger ≈ "
                "624 timer om året × 750 kr. i timen (Controllings sats).")},
    {"id": "b2", "title": T("Automatic renewals no longer missed", "Automatiske fornyelser, der ikke længere overses"),
     "kind": "avoided_cost", "amount_per_year": 360000, "kpi_id": "k3", "initiative_id": "i1",
     "confidence": "measured",
     "basis": T("6 fewer missed notice deadlines a quarter (7 → 1, measured) × 4 quarters × 15,000 DKK, the average "
                "cost of a missed renewal in Legal's 2025 log.",
                "6 færre oversete opsigelsesfrister pr. kvartal (7 → 1, målt) × 4 kvartaler × 15.000 kr., den "
                "gennemsnitlige pris for en overset fornyelse i Juridisks log for 2025.")},
    {"id": "b3", "title": T("Time saved in Sales and the rest of Legal (phase 2)",
                            "Sparet tid i Salg og resten af Juridisk (fase 2)"),
     "kind": "saving", "amount_per_year": 882000, "kpi_id": None, "initiative_id": "i1", "confidence": "estimated",
     "basis": T("Controlling's model for 120 users: about 1,800 hours a year freed, less the 624 hours already "
                "measured in Legal: 1,176 hours × 750 DKK.",
                "Controllings model for 120 brugere: omkring 1.800 frigjorte timer om året, minus de 624 timer, der "
                "allerede er målt i Juridisk: 1.176 timer × 750 kr.")},
    {"id": "b4", "title": T("Less re-creation of documents at project starts",
                            "Mindre genskabelse af dokumenter ved projektstart"),
     "kind": "saving", "amount_per_year": 378000, "kpi_id": "k5", "initiative_id": "i2", "confidence": "estimated",
     "basis": T("12 project managers starting new projects a year × 2.1 hours a week saved (6.5 → 4.4 in the pilot) × "
                "20 weeks of start-up × 750 DKK.",
                "12 projektledere, der starter nye projekter om året × 2,1 sparede timer om ugen (6,5 → 4,4 i "
                "piloten) × 20 ugers opstart × 750 kr.")},
]

# fmt: on
# --------------------------------------------------------------------------- presentations and deck


def objection(status: str, text: T, answer: T, answered_in: str = "") -> dict[str, Any]:
    """An objection; ``answered_in`` names the presentation whose deck (or meeting) answered it."""
    return {"text": text, "status": status, "answer": answer, "answered_in": answered_in}


def answered_by(presentation_id: str, text: T, answer: T) -> dict[str, Any]:
    return objection("answered", text, answer, presentation_id)


# fmt: off
PRESENTATIONS = [
    {
        "id": "pr1", "date": "2026-05-19",
        "audience": T("Executive management, monthly meeting", "Direktionen, månedligt møde"),
        "attendee_ids": ["s1", "s2", "s3"], "deck_file": "", "deck_sha256": "", "outcome": "postponed",
        "objections": [
            answered_by("pr2",
                      T("We have tried knowledge management before, and it showed no effect.",
                        "Vi har prøvet videnstyring før, og det viste ingen effekt."),
                      T("The pilot measured it in our own house: contract search fell from 45 to 9 minutes in five "
                        "months (shown in September).",
                        "Piloten målte det i vores eget hus: Søgetiden for kontrakter faldt fra 45 til 9 minutter "
                        "på fem måneder (vist i september).")),
            objection("open",
                      T("Who keeps the metadata up to date when the pilot team is gone?",
                        "Hvem holder metadata opdateret, når pilotteamet er væk?"),
                      T("The contract managers fill in the eight fields at signing, inside the existing approval flow. "
                        "Metadata stayed 93 % complete after the pilot without extra staff.",
                        "De kontraktansvarlige udfylder de otte felter ved underskrift i det eksisterende "
                        "godkendelsesflow. Metadata var fortsat 93 % komplette efter piloten uden ekstra "
                        "ressourcer.")),
            objection("open",
                      T("The executive team has no time for this right now.",
                        "Det har direktionen ikke tid til lige nu."),
                      T("Phase 2 asks for one decision today and a 15-minute status once a quarter; Legal and Sales "
                        "run it themselves.",
                        "Fase 2 kræver én beslutning i dag og 15 minutters status en gang i kvartalet; Juridisk og "
                        "Salg driver den selv.")),
        ],
        "feedback": T("Friendly but firm: 'Come back with numbers from our own house.' The CFO asked what it costs to "
                      "run after the pilot. The three external reports in the appendix did not help.",
                      "Venligt, men bestemt: »Kom tilbage med tal fra vores eget hus.« Økonomidirektøren spurgte, "
                      "hvad det koster at drive efter piloten. De tre eksterne rapporter i bilaget hjalp ikke."),
        "next_steps": [step(T("Finish the pilot and measure through August",
                              "Gøre piloten færdig og måle til og med august"), "Anne Mørk", "2026-08-31", True),
                       step(T("Work out the running cost with Controlling",
                              "Beregne driftsudgiften sammen med Controlling"), "Louise Jakobsen", "2026-09-01", True),
                       step(T("Give leadership air until September — no links, no reports",
                              "Give direktionen luft til september — ingen links, ingen rapporter"), "Mette Lund",
                            "2026-09-22", True)],
        "next_attempt": "2026-09-22",
    },
    {
        "id": "pr2", "date": "2026-09-22",
        "audience": T("Executive management with the General Counsel", "Direktionen og chefjuristen"),
        "attendee_ids": ["s1", "s2", "s3", "s4"], "deck_file": "", "deck_sha256": "",
        "outcome": "partly_approved",
        "objections": [
            objection("open",
                      T("Show the benefit in kroner, not minutes.", "Vis gevinsten i kroner, ikke i minutter."),
                      T("Business case made with Controlling: about 1,800 hours a year freed in Legal and Sales, "
                        "1.35 M DKK a year at 750 DKK an hour; payback in 11 months.",
                        "Business case udarbejdet med Controlling: omkring 1.800 frigjorte timer om året i Juridisk "
                        "og Salg, 1,35 mio. kr. om året ved 750 kr. i timen; tilbagebetalingstid 11 måneder.")),
            objection("open",
                      T("Has IT security approved keeping our contracts in the repository?",
                        "Har IT-sikkerhed godkendt, at vores kontrakter ligger i kontraktarkivet?"),
                      T("The security review was completed on 13 November. Both conditions — external sharing off and "
                        "retention labels on — are closed before Sales joins.",
                        "Sikkerhedsgennemgangen blev afsluttet den 13. november. Begge betingelser — ekstern deling "
                        "slået fra og opbevaringsmærker på — er lukket, før Salg kommer med.")),
            answered_by("pr2",
                      T("Does this work outside Legal?", "Virker det uden for Juridisk?"),
                      T("Yes: in the Infrastructure pilot a third of new projects already reuse a lessons-learned "
                        "page, and Sales found a price clause in under a minute at the demo.",
                        "Ja: I piloten i Infrastruktur genbruger en tredjedel af de nye projekter allerede en "
                        "erfaringsside, og Salg fandt en prisklausul på under et minut ved demoen.")),
        ],
        "feedback": T("The results convinced the room. The repository stays in production in Legal and the "
                      "lessons-learned pilot continues; the money for phase 2 waits for a business case in kroner and "
                      "the IT security sign-off.",
                      "Resultaterne overbeviste. Kontraktarkivet forbliver i drift i Juridisk, og erfaringspiloten "
                      "fortsætter; pengene til fase 2 afventer en business case i kroner og IT-sikkerhedens "
                      "godkendelse."),
        "next_steps": [step(T("Business case in kroner with Controlling", "Business case i kroner med Controlling"),
                            "Louise Jakobsen", "2026-11-15", True),
                       step(T("IT security review of the repository", "IT-sikkerhedsgennemgang af kontraktarkivet"),
                            "Morten Friis", "2026-11-20", True),
                       step(T("Brief Sales on the roll-out plan before the December meeting",
                              "Orientere Salg om udrulningsplanen før decembermødet"), "Mette Lund", "2026-12-01",
                            False),
                       step(T("Back at the executive meeting with the phase 2 ask",
                              "Tilbage på direktionsmødet med indstillingen om fase 2"), "Birgitte Holm", "2026-12-08",
                            False)],
        "next_attempt": "2026-12-08",
    },
]

DECK = {
    "title": T("Contracts we can find — phase 2", "Kontrakter, vi kan finde — fase 2"),
    "ask": T("Approve phase 2: roll the contract repository out to all of Legal and Sales for 1.2 M DKK",
             "Godkend fase 2: Rul kontraktarkivet ud til hele Juridisk og Salg for 1,2 mio. kr."),
    "audience": T("Executive management", "Direktionen"),
    "date": "2026-12-08",
    "template": "", "max_slides": 10, "sections": [], "anonymize": False,
    "headline_kpi": "k1", "ask_phase_id": "ph2",
}

NAMED_IN_DECKS = {"s3", "s4", "s5", "s6", "s7", "s15"}
"""Who agreed to be named in decks: the allies who carry the case and Controlling; not the CEO, nor the CFO."""

# fmt: on
# --------------------------------------------------------------------------- assembly


def workspace(lang: str) -> dict[str, Any]:
    stakeholders = [
        {
            "id": sid,
            "name": name,
            "role": role,
            "department": department,
            "influence": scores[0],
            "interest": scores[1],
            "drive": scores[2],
            "foresight": scores[3],
            "activities": activities,
            "stance": stance,
            "budget_holder": budget_holder,
            "decision_maker": decision_maker,
            "cadence_days": cadence,
            "tags": [TAG[tag] for tag in tags],
            "notes": notes,
            "named_in_decks": sid in NAMED_IN_DECKS,
        }
        for (
            sid,
            name,
            role,
            department,
            scores,
            stance,
            budget_holder,
            decision_maker,
            cadence,
            tags,
            activities,
            notes,
        ) in STAKEHOLDERS
    ]
    dialogues = [
        {
            "id": f"d{number}",
            "stakeholder_id": sid,
            "date": date,
            "channel": channel,
            "summary": summary,
            "problems_learned": learned,
            "references_shared": references,
            "follow_up": follow_up,
        }
        for number, (date, sid, channel, references, follow_up, summary, learned) in enumerate(DIALOGUES, start=1)
    ]
    data = {
        "format": "briefing-composer/2",
        "campaign": {**CAMPAIGN, "language": lang},
        "stakeholders": stakeholders,
        "dialogues": dialogues,
        "references": REFERENCES,
        "surveys": SURVEYS,
        "initiatives": INITIATIVES,
        "benefits": BENEFITS,
        "problems": PROBLEMS,
        "csfs": CSFS,
        "phases": PHASES,
        "presentations": PRESENTATIONS,
        "deck": {**DECK, "language": lang},
    }
    campaign = data["campaign"]
    data["campaign"] = {key: campaign[key] for key in ("name", "goal", "audience", "language", "owner", "started",
                                                         "currency")}
    return render(data, lang)


# --------------------------------------------------------------------------- checks

# keys whose values must be the same in every language
LANGUAGE_FREE = {
    "id", "stakeholder_id", "sponsor_id", "date", "start", "end", "started", "submitted", "follow_up", "next_attempt",
    "stance", "channel", "kind", "source", "status", "category", "direction", "risk", "outcome", "url", "format",
    "deck_file", "deck_sha256", "template", "problem_ids", "csf_ids", "attendee_ids", "sections",
    "due", "currency", "confidence", "kpi_id", "initiative_id", "headline_kpi", "ask_phase_id",
}


def check(data: dict[str, Any], lang: str) -> list[str]:
    """The core's own checks — every field, allowed value, limit and link, and what cannot be (an end
    before its start) — then the demo's story, as messages."""
    from briefing.errors import ValidationError
    from briefing.model import integrity
    from briefing.model.interchange import workspace_from_dict

    try:
        ws = workspace_from_dict(data)
        integrity.check_plausible(ws)
    except ValidationError as error:
        return [str(error)]
    return [f"story: {fact}" for fact, holds in story(ws, lang).items() if not holds]


def story(ws: Any, lang: str) -> dict[str, bool]:
    """What the demo must show, each fact with whether it holds (the app's own rules where it has them)."""
    from briefing.clock import FixedClock
    from briefing.evidence.kpis import effect
    from briefing.guide.cadence import overdue

    people = {s.id: s for s in ws.stakeholders}
    dates = [d.date for d in ws.dialogues]
    kpis = [k for n in ws.initiatives for k in n.kpis]
    leaders = {s.id for s in ws.stakeholders if s.decision_maker}
    return {
        "the campaign and the deck in the file's language": ws.campaign.language == ws.deck.language == lang,
        "16 stakeholders or more, 3–4 of them decision makers": len(people) >= 16 and 3 <= len(leaders) <= 4,
        "cadences of 14–60 days": all(14 <= s.cadence_days <= 60 for s in ws.stakeholders),
        "40 dialogues or more, d1… in date order": len(dates) >= 40 and dates == sorted(dates)
        and [d.id for d in ws.dialogues] == [f"d{i}" for i in range(1, len(dates) + 1)],
        "dialogues from 2025-11-01 to 2026-11-20": all(dt.date(2025, 11, 1) <= d <= TODAY for d in dates)
        and max(dates) <= dt.date(2026, 11, 20),
        "follow-ups after their dialogue": all(d.follow_up is None or d.follow_up > d.date for d in ws.dialogues),
        "leadership given air since 10 October": all(d.date <= dt.date(2026, 10, 10)
                                                     for d in ws.dialogues if d.stakeholder_id in leaders),
        "2–3 allies overdue": 2 <= len(overdue(ws, FixedClock.on(TODAY))) <= 3,
        "surveys of 44 responses or more, 2–3 findings, 5-step Likert scales": all(
            len(q.responses) >= 44 and 2 <= len(q.findings) <= 3
            and all(len(x.scale) == 5 for x in q.questions if x.kind == "likert") for q in ws.surveys),
        "KPIs of 4–6 measurements, moving toward their target": len({k.id for k in kpis}) == len(kpis) and all(
            4 <= len(k.measurements) <= 6 and (effect(k).improvement_pct or 0) > 0 for k in kpis),
        "phases of low, medium and high risk": [ph.risk for ph in ws.phases] == ["low", "medium", "high"],
        "decision makers attend, every objection has its answer": all(
            set(pr.attendee_ids) <= leaders and all(o.answer for o in pr.objections) for pr in ws.presentations),
        **format_2_story(ws),
    }


def format_2_story(ws: Any) -> dict[str, bool]:
    """What the demo shows of format 2's fields."""
    phases = {ph.id: ph for ph in ws.phases}
    named = {s.id for s in ws.stakeholders if s.named_in_decks}
    steps = [step for pr in ws.presentations for step in pr.next_steps]
    return {
        "benefits measured and estimated, in DKK": ws.campaign.currency == "DKK"
        and {b.confidence for b in ws.benefits} == {"measured", "estimated"} and all(b.basis for b in ws.benefits),
        "phase 1 done with an outcome, phase 2 asked": phases["ph1"].status == "done" and bool(phases["ph1"].outcome)
        and ws.deck.ask_phase_id == "ph2" and phases["ph2"].status == "planned",
        "the deck leads with a KPI": ws.deck.headline_kpi is not None,
        "deliverables of phases 1 and 2 have owners and due dates": all(
            d.owner and d.due for ph in ws.phases[:2] for d in ph.deliverables),
        "next steps with owner and due date, some done and some not": all(s.owner and s.due for s in steps)
        and {s.done for s in steps} == {True, False},
        "some stakeholders consent to be named, the CEO does not": 3 <= len(named) < len(ws.stakeholders)
        and "s1" not in named,
    }


def same_story(a: Any, b: Any, where: str = "$", key: str = "") -> list[str]:
    """Differences between the two languages other than in their texts."""
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return [f"{where}: keys differ"]
        if where == "$.campaign" or where == "$.deck":
            a, b = {k: v for k, v in a.items() if k != "language"}, {k: v for k, v in b.items() if k != "language"}
        return [e for k in a for e in same_story(a[k], b[k], f"{where}.{k}", k)]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: lengths differ"]
        return [e for i, (x, y) in enumerate(zip(a, b, strict=True)) for e in same_story(x, y, f"{where}[{i}]", key)]
    if type(a) is not type(b):
        return [f"{where}: types differ"]
    phase_text = key == "outcome" and where.startswith("$.phases")  # what a phase achieved, not a choice
    if isinstance(a, str) and (key not in LANGUAGE_FREE or phase_text):
        return []
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def main(argv: list[str]) -> int:
    paths = {lang: HERE / f"demo-{lang}.json" for lang in LANGUAGES}
    if "--check" not in argv:
        for lang, path in paths.items():
            text = json.dumps(workspace(lang), ensure_ascii=False, indent=2) + "\n"
            path.write_text(text, encoding="utf-8")
    loaded = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in paths.items()}
    errors = [f"{lang}: {e}" for lang, data in loaded.items() for e in check(data, lang)]
    errors += same_story(loaded["en"], loaded["da"])
    for error in errors:
        print(error, file=sys.stderr)
    if not errors:
        print("ok: " + ", ".join(f"{path.name}" for path in paths.values()))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

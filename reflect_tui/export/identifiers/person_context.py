"""The words around a capitalised word that say a person is meant, or a thing.

A person: a person verb, ", who", a possessive and a relation, "the X family", an
apposition ("Devon, her partner,"). A thing named after a person: "the Bradley Report",
"Fraser guidelines". Places, streets and days are :mod:`place_context`'s.
"""

from __future__ import annotations

import re

#: Words after a given name that make it the name of a thing, not of a person.
NAMED_THING = re.compile(
    # "India's Mental Healthcare Act 2017", "Victoria's Mental Health and Wellbeing Act"
    r"(?:'s|’s)(?:\s+(?:[A-Z][\w-]+|and|of|for)){1,4}\s+(?:Act|Law|Bill|Strategy|Policy|Scheme)\b|"
    r"(?:'s|’s)?\s+(?:(?:Report|Room|Centre|Center|House|Hall|Hospital|Ward|Unit|Clinic"
    r"|Trust|Foundation|Institute|College|University|School|Street|Road|Park|Building"
    r"|Library|Program|Programme|Project|Service|Services|Fund|Award|Prize|Act|Law|Court"
    r"|Station|Lodge|Group|Syndrome|Disease|Scale|Test|Inquiry|Review|Method|Model|Principle"
    r"|Agency|Society|Association|Council|Network|Partnership|Commission|Consulate|Embassy"
    r"|Ministry|Administration|Training|Card|Bay|Beach|Island|Valley|Creek|River|Lake"
    r"|Hills?|Heights|Falls|Springs|Harbou?r|Square|Bridge|Market|Mall|Airport|Stadium"
    r"|Arena|Church|Cathedral|Temple|Mosque"
    # A role or a group named by a word-name: "the Art Therapist", "Hope Club".
    r"|Therapist|Therapy|Worker|Nurse|Officer|Manager|Lead|Coordinator|Co-ordinator"
    r"|Teacher|Counsellor|Counselor|Assistant|Practitioner|Specialist|Psychologist"
    r"|Psychiatrist|Director|Team|Department|Session|Sessions|Class|Club|Question|Questions"
    r"|Exercise|Worksheet|Technique|Wheel|Jar)\b"
    # A story's name: "Moana is the film she watches", "Bluey was her favourite show".
    r"|(?:is|was)\s+(?:the|a|her|his|their)\s+(?:[a-z]+\s+)?(?:film|movie|show|book"
    r"|song|game|series|character|cartoon|programme|program|album|band|story|novel)\b"
    # a thing's noun in lower case, never after a possessive ("Mateo's culture",
    # "Ananya's ward supervisor", "Jade's concert")
    r"|(?<![’'][sS]\s)(?:guidelines|competence|criteria|syndrome|scale|test|method|model|rule|ward"
    # A people, not a person: "Karen elders", "the Chin community".
    r"|elders|community|communities|people|peoples|refugees|language|culture|diaspora"
    r"|background|heritage|descent|ancestry|roots|traditions|customs|festival|procession"
    r"|poster|posters|jersey|shirt|concert|fans|fandom|lyrics|songs|album|film|films|movie"
    r"|movies|cartoon|cartoons|card|cards|training|helpline|hotline|app|soundtrack|musical"
    r"|feast|region|province|district|county|village|valley|clinic|office|branch|campus"
    r"|suburbs|streets|weather|accent|dialect|estuary|coast|coastline|delta|desert|plains"
    r"|islands|mountains|gorge|peninsula|floods|New\s+Year)\b)"
)

_PERSON_VERBS = (
    r"\s+(?:said|says|told|tells|asked|asks|arrived|came(?!\s+up)"
    r"|comes(?!\s+up)"
    r"|cried|cries|sang|sings|drew|draws|wrote|writes|played|plays|chose|showed|shows|gave"
    r"|went|goes|ran|screamed|shouted|whispered|paused|nodded|hesitated|sobbed|danced"
    r"|painted|brought|lost|won|punched|hit|kicked|threw|uses|used|didn['’]t|doesn['’]t"
    r"|wasn['’]t|isn['’]t|hasn['’]t|hadn['’]t|won['’]t|can['’]t|couldn['’]t|wouldn['’]t"
    r"|brought|brings|spoke|speaks|talked|talks|seemed|seems|refused|refuses|admitted|joked"
    r"|laughed|wanted|wants|kept|keeps|felt|feels|thinks|thought|phoned|rang|called|emailed"
    r"|texted|missed|cancelled|canceled|left|looked|smiled|sat|stood|shared|described"
    r"|mentioned|reported|explained|agreed|began|started|stopped|tried|noticed|remembered"
    r"|decided|wondered|paced|shook|hugged|apologised|apologized|admits|joined|returned"
    r"|walked|struggled|struggles|sounded|sounds|looks|needs|needed|hopes|hoped|worries"
    r"|worried|refuses|binged|purged|weighed|relapsed|drank|smoked|disclosed|insisted"
    r"|confided|wept|messaged|showed\s+up|turned\s+up|skipped|hid|slept|stayed|yelled"
    r"|spent|misses|lives|lived|didnt|doesnt|wasnt|isnt|hasnt|hadnt|wont|cant|couldnt"
    r"|no-showed|no[- ]show(?![- ]?(?:rates?|lists?|polic(?:y|ies)|fees?|clinic|%))|corrected"
    r"|had\s+a\s+(?:good|bad|rough|hard|tough|better|worse)\s+(?:week|day"
    r"|night|weekend|month)|has\s+been\s+(?:waiting|caring|trying|asking|struggling|working)|(?:is|was)\s+from\s+[A-Z]\w*|describes|described|explains|reports|mentions|denies|denied|attends"
    r"|(?:is|was)\s+(?:a|an)\s+(?:trained|qualified|retired|former|registered)\s+[a-z]+"
    r"|again\s+no[- ]show"
    r"|was\s+(?:a|an)\s+(?:lawyer|doctor|nurse|teacher|engineer|midwife|pharmacist|judge"
    r"|soldier|dentist|accountant|professor|journalist)\s+(?:before|back\s+home|at\s+home)"
    r"|(?:finally|also|still|just|then|suddenly|eventually|actually|again"
    r"|never|really)\s+(?:said|told|named|spoke|asked|admitted|disclosed|cried|opened"
    r"|talked|called|texted|agreed|refused|apologised|apologized|laughed|smiled|shared"
    r"|mentioned)"
    r"|swore|lied|fought|prayed|prays|cooks|cooked|reads|knits|knitted|fasts|fasted"
    r"|self-harmed|self-harms|overdosed|absconded|prefers|preferred"
    r"|was\s+born|has\s+been\s+with|(?:has|had)\s+(?:not|never)\s+been|(?:has|had)\s+kept"
    r"|(?:has|had)\s+(?:started|stopped|stayed|relapsed|decided|agreed"
    r"|refused|asked|told|missed|cancelled|moved|been\s+(?:sober|clean|dry|drinking|using"
    r"|sleeping|staying|living|off|in\s+(?:hospital|care|prison|rehab)))"
    r"|is\s+(?:back|struggling|sober|pregnant|the\s+one\s+who)|was\s+the\s+one\s+who|has\s+had"
    r"|wet|went"
    r"|was\s+(?:referred|admitted|discharged|seen|sectioned|arrested|released|diagnosed"
    r"|placed|moved|sentenced|charged|excluded|suspended|deported|detained|evicted"
    r"|trafficked|assaulted|bullied|hospitali[sz]ed|rehoused|removed)"
    r"|and\s+(?:her|his|their)|(?:was|is)\s+(?:back|late|quiet|tired|angry|upset"
    r"|brighter|calmer|tearful|distracted|early|on\s+time|furious|withdrawn|silent"
    r"|terrified|worried|afraid|convinced|desperate|determined|exhausted|lonely|ashamed"
    r"|embarrassed|grieving|stuck|adamant|reluctant|devastated|heartbroken|confused"
    r"|insulted|offended|hurt|annoyed|irritated|livid"
    r"|overwhelmed|pregnant|homeless|sober"
    r"|defensive|guarded|anxious|agitated|flat|cheerful|sad|low|scared|frightened|grumpy"
    r"|teary|weepy|irritable|sullen|moody|subdued|animated|talkative|chatty|restless|fidgety"
    r"|sleepy|drowsy|drunk|hungover|unwell|poorly|lucid|[a-z]{3,}ier|quieter|louder|calmer"
    r"|sharper|happier|sadder|angrier|better|worse|sharp|funny|settled|bright|warm|distant"
    r"|shy|playful|rude|hostile|polite|vulnerable|ambivalent|motivated|hopeful|hopeless"
    r"|suicidal|manic|paranoid|numb|dissociative|dishevelled|disheveled|unkempt|kempt"
    r"|engaged|disengaged|evasive|tense|jumpy|giggly|cheeky|sarcastic|honest|candid|happy"
    r"|unhappy|keen|willing|glad|pleased|relieved|proud|grateful|thankful|eager)"
    # "Mark from the day centre says", "Mags from the dementia café said"
    r"|from\s+(?:the|her|his|their|my|our)\s+(?:[\w'’-]+\s+){1,4}?(?:says|said|rang|called"
    r"|came(?!\s+through)|told|asked|wants|thinks|emailed|texted|phoned|is|was|has)"
    r")\b"
)
_KIN = (
    r"(?:mum|mom|mam|mother|father|dad|parents|partner|wife|husband|son|daughter|kids"
    r"|children|child|baby|brother|sister|siblings?|nan|nana|gran|granny|grandma|grandpa"
    r"|grandmother|grandfather|aunt|auntie|uncle|cousin|niece|nephew|girlfriend|boyfriend"
    r"|whānau|whanau"
    r"|fianc[ée]e?|carer|friend|family)"
)
#: Who a person is to someone, after a comma: "Mark, her ex,", "Sunny, his support worker,".
_ROLE = (
    r"(?:ex|ex-(?:partner|wife|husband)|(?:support|key|case|social|youth|peer)\s+worker"
    r"|sponsor|mentor|flatmate|roommate|housemate|neighbou?r|landlord|landlady|boss"
    r"|manager|colleague|coach|teacher|tutor|carer|caregiver|advocate|best\s+mate|mate"
    r"|pal|probation\s+officer|case\s+manager|interpreter|lawyer|solicitor|pastor)"
)
_AGED = (
    r"(?:(?:new|old|older|younger|little|big|late|ex|step|foster|own|best|maternal|paternal)"
    r"-?\s*)?"
)
#: Who a person is, after a comma and "the" or "a": "Shapla, a garment worker,", "Intan,
#: the OKU client,", "Mercy is the girl who ran".
_POSSESSIONS = (
    r"(?:turban|hijab|headscarf|hair|clothes|coat|phone|car|dog|house|flat|room|bag|job"
    r"|school|class|case|baby|wedding|partner)"
)
_PERSON_NOUN = (
    r"(?:client|patient|resident|girl|boy|woman|man|kid|lad|lass|teen|teenager|student"
    r"|pupil|worker|refugee|survivor|widow|widower|carer|caregiver|mother|father|grandmother"
    r"|grandfather|veteran|nurse|teacher|elder|mum|mom|dad|grandma|grandpa|one\s+who"
    r"|person\s+who|young\s+(?:man|woman|person))"
)
#: Who a person is by age in a family: "her nine-year-old", "his youngest".
_BY_AGE = r"(?:[a-z]+-(?:year|month)-old|youngest|eldest|oldest|middle\s+one|twin)"
#: ", her partner,", ", my client's son": who the name before it is.
_APPOSITION = (
    rf",\s+(?:(?:her|his|their|my|our)\s+(?:{_AGED}{_KIN}|{_BY_AGE}|{_ROLE})\b"
    # after "the" or "a", only if it closes: not "in Dubai, the children grew up there"
    rf"|(?:the|a|an)\s+(?:{_AGED}{_KIN}|{_BY_AGE}(?:\s+[a-z]+)?|(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})\b"
    r"(?=\s*[,.;:)!?—–-]|\s*\Z|\s+(?:who|and|was|is|had|has|from|in|at|of|on|said|came)\b))"
)
#: "Chase is the older brother", "Mere is her aunt".
_IS_KIN = (
    rf"\s+(?:is|was)\s+(?:the|her|his|their|my|our)\s+(?:{_AGED}{_KIN}|{_BY_AGE}"
    rf"|(?:only\s+)?(?:[\w-]+\s+)?(?:{_PERSON_NOUN}))\b"
    # "Aroha is the only one in her family", "Pearl is the sharpest person on the ward"
    r"|\s+(?:is|was)\s+the\s+(?:only|first|last|[a-z]{3,}est)\s+(?:(?:one|person|kid|child"
    r"|member|man|woman|girl|boy|client|patient)\s+)?(?:in|of|on)\s+(?:her|his|their|the)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:family|team|group|class|year|caseload)\b"
    # "Denver is a veteran", "Faith is a Baptist minister's daughter", "Dawn is Métis"
    rf"|\s+(?:is|was)\s+an?\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_NOUN}|{_KIN}|kuia|koro|whaea"
    r"|kaumātua|kaumatua)\b"
)
#: How a person is called, after the name: "Smithy is what the lads called him", "Sunny
#: is the name he uses at work"; an ordinary word is a name before it too.
_CALLED = (
    r"\s*\((?:he|she|they|ze|xe)/"  # "Autumn (he/him now)"
    r"|,?\s+(?:(?:which|that)\s+)?(?:is|was)\s+what\s+(?:[\w'’-]+\s+){0,6}?call(?:s|ed)?\s+(?:him|her|them)\b"
    r"|[\"”’']?\s+(?:is|was)\s+(?:the|his|her|their|a)\s+(?:[A-Za-z]+\s+)?(?:name|nickname)\b"
    r"(?!\s+of\b)"
    r"|\s+is\s+how\s+(?:he|she|they)\s+(?:introduces|introduced|calls|signs)\b"
    r"|\s+is\s+(?:his|her|their)\s+(?:real\s+|actual\s+|legal\s+)?(?:surname|family\s+name"
    r"|last\s+name|first\s+name|given\s+name)\b"
)
#: A term of respect after a name ("Gowda uncle", "Sharma ji"), or how the person asks
#: to be called ("Kevo, as he insists on being called,").
_HONOURED = (
    r"\s+(?:uncle|aunty|auntie|ji|bhai|bhaiya|didi|sahib|saab|bhabhi|amma|akka|anna|appa"
    r"|Bey|Hanım|Hanim|Efendi|Abla|Abi|Amca|Teyze|san|sama|kun|ssi|nim)\b"
    r"|,?\s+as\s+(?:he|she|they)\s+(?:[a-z]+\s+){0,4}(?:called|known)\b"
    # "Paddy, as his mates call him,"
    r"|,?\s+as\s+(?:his|her|their|the|everyone|people|we|they)\s+(?:[a-z]+\s+){0,3}?"
    r"call(?:s|ed)?\s+(?:him|her|them)\b"
    r"|,\s+(?:the|his|her|their)\s+(?:surname|name|nickname|family\s+name)\b"
    r"|\s*\((?:what|as)\s+(?:everyone|people|they|we|he|she|his|her)\b[^)]{0,20}\bcalls?\b"
    r"|\s*\((?:his|her|their)\s+(?:real|legal|actual|full|given|birth)(?:\s+(?:given|first|birth))?"
    r"\s+name\b"
    rf"|{_CALLED}"
)
#: A word talked about as a word: "Umut means hope", "Nadiya is the Ukrainian word for
#: hope", "Esperanza in Spanish is hope", "Hana means flower in Japanese".
WORD_USE = re.compile(
    r"[\"”’']?\s+(?:means|meant|meaning|translates\s+(?:as|to|roughly|literally)"
    r"|(?:is|seems\s+to\s+be)\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:word|concept|idea)"
    r"|is\s+(?:the|a)\s+(?:[A-Z][\w-]+\s+)?(?:word|term)\b(?!\s+(?:for\s+)?(?:him|her|them))"
    r"|is\s+(?:the|a)\s+(?:[A-Z][\w-]+\s+)?(?:word|term"
    r"|name)\s+for|in\s+[A-Z][a-z]+\s+(?:is|means)|(?:y|e|and)\s+(?:paz|amor|vida|esperanza)\b"
    r"|de\s+cabeza)\b"
)
#: After a name, its age: "Dallas is 17 and already the parent", "Kenya is seventeen",
#: "Ana (13)", "Destiny, sixteen, says".
_AGE_NEXT = (
    r"\s+(?:is|was|turned|turns)\s+(?:1[0-9]|[2-9]\d|[3-9]|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)\b(?!\s*(?:-|%|percent|minutes?|mins?|hours?|days?"
    r"|weeks?|months?|years?|times|out|of|mg|on|in|at|points?|goals?|stops?|miles?|blocks?"
    r"|km|degrees|o'clock|am|pm|/)\b)"
    r"|\s*\((?:[1-9]|1\d|[2-9]\d)\)"
    # an age between commas: "Destiny, sixteen, says"
    r"|,\s+(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|1\d|[2-9]\d),"
)
#: A short aside between a name and its verb, with a word in it: "Agneta (palliative)
#: wanted", "Carolina (ED, 19) said"; not a score ("Barthel (60) suggests") or what the
#: word is ("Georgia (the country) wants").
_ASIDE = (
    r"(?:[ \t]*(?:\((?!(?:the|a|an)\s)(?=[^()\n]*[A-Za-z])[^()\n]{1,40}\)"
    r"|\[(?!(?:the|a|an)\s)(?=[^\[\]\n]*[A-Za-z])[^\[\]\n]{1,40}\]))?"
)
#: After a given name: a person verb, ", who", any possessive ("Mateo's question"), or
#: who they are ("Devon, her partner,").
PERSON_NEXT = re.compile(
    rf"(?:'s|’s)\b|,?\s+who\b|{_ASIDE}{_PERSON_VERBS}|{_APPOSITION}|{_IS_KIN}|{_HONOURED}"
    rf"|{_AGE_NEXT}"
)
#: After a word no list knows at a sentence's start, its age between commas: "Mareike,
#: 17, asked", "Mareike, aged 17, asked", "Tomasz, 17M, said"; not a score in brackets.
AGED_NEXT = re.compile(
    r",[ \t]+(?:aged[ \t]+)?(?:1\d|[2-9]\d)(?:[ \t]?(?:yo|y/o|yrs?|[MF]))?"
    rf"(?:,|{_PERSON_VERBS})"
)
#: After any other word: the same, but a possessive only with a relation or what only
#: a person has ("Nkemelu's mum", "Okafor's mood"), not "Medicaid's rules".
APPOSITION = re.compile(_APPOSITION)
#: Who or what a person is called, after an ordinary word too ("Colt, the youngest
#: rider,", "Smithy is what the lads called him").
NAMED_AS = re.compile(
    rf",\s+(?:(?:her|his|their|my|our)\s+(?:{_AGED}{_KIN}|{_BY_AGE}|{_ROLE})"
    rf"|the\s+{_BY_AGE}(?:\s+[a-z]+)?)\b(?=\s*[,.;:)!?—–-]|\s+(?:who|and|was|is|on|in|at|of)\b)"
    # "Rusty, the older fella from the men's shed"
    r"|,\s+the\s+(?:older|younger|old|young|new|quiet|tall)\s+(?:fella|fellow"
    r"|bloke|lad|guy|man|woman|lady|girl|boy|kid)\b"
    # "Frank, the client's stepfather,"
    rf"|,\s+the\s+[a-z]+['’]s\s+(?:{_AGED}{_KIN}|{_ROLE})\b"
    rf"|{_CALLED}"
)
#: Who a person is, between commas: "Jack, a former medic,", "Temperance, the
#: grandmother," (:func:`name_cues.named_as` keeps opening words out).
WHO_BETWEEN_COMMAS = re.compile(
    r",\s+(?:a|an)\s+(?:former|retired|ex-?|young|elderly|single|newly\s+qualified)\s*[a-z]+,"
    rf"|,\s+the\s+(?:{_KIN}|{_ROLE}),"
)
PERSON_PLACE = re.compile(
    r"\s+(?:family|twins|children|kids|boys|girls|lad|lass|household|siblings|brothers"
    r"|sisters|parents)\b"
    rf"|(?:'s|’s)\s+{_AGED}(?:{_KIN}|mood|behaviou?r|anger|anxiety|grief|face|voice"
    r"|birthday|funeral|diagnosis|drinking|notes|file|teacher|bedroom|dementia|illness"
    r"|discharge|admission|assessment|appointment|treatment|recovery|relapse|hearing|parole"
    r"|release|sentence|meds|medication|care\s+plan|safety\s+plan"
    rf"|{_POSSESSIONS})\b"
    rf"|,\s+who\b|{_ASIDE}{_PERSON_VERBS}|{_APPOSITION}|{_IS_KIN}|{_HONOURED}"
    # Only after a word that is not ordinary: "Jock has farmed that block".
    r"|\s+has\s+[a-z]{3,}ed\b"
)


#: Places (known terms) that are also given names: a person where a person verb follows.
NAMES_OF_PLACES = frozenset(
    "jordan georgia paris austin florence sydney victoria chelsea savannah dakota india "
    "asia kenya israel virginia carolina madison phoenix dallas houston denver brooklyn "
    "lincoln regina adelaide alexandria eden camden devon kent sierra cheyenne aspen "
    "charlotte jackson sofia dana stella beverly angeles clyde montana milan vienna".split()
)
#: A person's verb after a word, nothing else ("summer said", not "summer's end").
SPOKE_OR_ACTED = re.compile(_PERSON_VERBS)
#: The same in a line written in capitals: "KEMI DIDN'T ATTEND AGAIN".
SPOKE_OR_ACTED_ANY_CASE = re.compile(_PERSON_VERBS, re.I)

_SPELLED = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty)"
)
_UNITS_AFTER = r"(?:%|percent|minutes?|mins?|hours?|days?|weeks?|months?|years?|times|out|of|mg)\b"
#: Adverbs between a subject and its verb ("Summer nearly didn't come").
_ADVERBS = (
    r"(?:[a-z]{3,}ly|still|just|never|finally|also|then|again|even|already|always|only"
    r"|not|almost|soon|once|later|barely)"
)
#: Common irregular pasts and participles, which the regular "-ed" of the rule misses.
_IRREGULAR = (
    r"(?:went|gone|came(?!\s+(?:up|in|out|round|around|back|through))|come(?!\s+up)|got|gotten|held|kept|sat|stood|took|taken|gave|given|made"
    r"|left|told|said|ran|run|brought|bought|felt|found|heard|knew|known|lost|met|paid"
    r"|sent|slept|spent|spoke|spoken|swore|taught|thought|threw|thrown|understood|woke"
    r"|wore|won|wrote|written|ate|eaten|drank|drunk|drove|driven|fell|fallen|forgot"
    r"|forgotten|hid|hidden|hurt|quit|rang|rode|saw|seen|sang|shook|shaken|showed|shown"
    r"|sold|stole|stolen|struck|swam|broke|broken|began|begun|bit|blew|built|caught"
    r"|chose|chosen|dealt|did|done|drew|drawn|fought|flew|fled|grew|grown|hung|led|lent"
    r"|lit|meant|rose|sank|shut|slid|spun|split|stuck|stung|swung|tore|torn|wept|withdrew"
    r"|didn['’]?t|did\s+not|hasn['’]?t|hadn['’]?t|wasn['’]?t|isn['’]?t|won['’]?t|can['’]?t"
    r"|couldn['’]?t|wouldn['’]?t|doesn['’]?t|refuses|wants|needs|says|keeps|hates|loves)"
)
#: Words ending in "ed" that are not a past: "Grace bed", "Summer speed".
_NOT_PAST = (
    r"(?!(?:bed|red|shed|seed|need|speed|feed|greed|weed|breed|creed|hundred|sacred|naked"
    r"|wicked|kindred|bred|led)\b)"
)
#: After a given name that is also a word, at a sentence's start: any past or a verb
#: of being with a participle ("Grace held his hand", "Hunter got suspended", "Will is
#: still not sleeping", "Lucky has stayed off"), beside :data:`PERSON_NEXT`'s list.
#: Not "Hope was the theme" or "Will see her Friday": a present or a noun stays quiet.
ACTED = re.compile(
    rf"(?:'s|’s)\s+{_AGED}{_KIN}\b"
    rf"|\s+(?:{_ADVERBS}\s+)*(?:{_NOT_PAST}[a-z]{{2,}}ed|{_IRREGULAR})\b"
    rf"|\s+(?:is|was)\s+(?:{_ADVERBS}\s+)*(?!(?:some|no|any|every)thing|running|wearing|missing"
    r"|fading|growing|building|lacking|dwindling|returning)[a-z]{3,}ing\b"
    # "Grace is doing really well", not "Hope is doing a lot of work"
    r"|\s+(?:is|was)\s+doing\s+(?:really\s+|so\s+|much\s+|a\s+lot\s+)?(?:well|better|worse"
    r"|ok|okay|alright|fine|great|badly|poorly|brilliantly)\b"
    # "Tom was more settled today": a person's state, compared
    rf"|\s+(?:is|was|seemed|seems)\s+(?:much\s+|far\s+|a\s+bit\s+|a\s+lot\s+|even\s+)?"
    rf"(?:more|less)\s+{_NOT_PAST}[a-z]{{3,}}ed\b"
    # "Joy is fifteen", "Hope was 14 when": an age, not "Summer is 3 weeks away"
    rf"|\s+(?:is|was|turned|turns)\s+(?:\d{{1,2}}|{_SPELLED}"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    rf"(?!\s*(?:-|{_UNITS_AFTER}))"
    # "Will was twenty minutes late": a person keeps time, a season does not
    rf"|\s+(?:is|was)\s+(?:\d{{1,3}}|{_SPELLED}|an|a\s+few)\s+(?:minutes?|mins?|hours?)\s+(?:late|early)\b"
    rf"|\s+(?:has|had)\s+(?:{_ADVERBS}\s+)*(?:{_NOT_PAST}[a-z]{{2,}}ed|{_IRREGULAR})\b"
)
#: An age just after a name: "Rosalind Ward is 70 and", "Jisoo Park was 24 when".
AGE_NEXT = re.compile(
    rf"\s+(?:is|was|turned|turns)\s+(?:\d{{1,3}}|{_SPELLED})\b(?![.,]\d)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|but|now|when|this|so|with|in|last|today)\b)"
)
#: Given names that are also things that grow, shine or fall ("Ivy has grown over the
#: window", "Rain finally came", "Penny dropped"): only :data:`PERSON_NEXT` makes them a
#: person at a sentence's start, never :data:`ACTED`.
THING_NAMES = frozenset(
    "ivy iris lily daisy holly heather crystal pearl sky star violet willow ginger ebony "
    "jasmine poppy blossom sage river storm rain brook forest heath reed rowan hazel olive "
    "ash bay fern laurel opal ruby jade amber dawn honey candy jewel raven penny sandy "
    "misty rusty herb flora rose".split()
)

#: A capitalised word just after a lower-case "the" is a thing or a place ("from the
#: Heim", "the Darién", "the Sally Ann bed"), unless a person's verb follows.
AFTER_THE = re.compile(r"(?<![\w'’])the\s+\Z")


#: Words for an elder or a relation in other languages, which a person's verb after them
#: does not make a name ("abuela came to family night", "koro says"), unlike other
#: words of other languages ("aroha came in with her nan").
KIN_WORDS = frozenset(
    "abuela abuelo abuelita abuelito lola lolo nana nan nanna koro kuia oma opa nonna "
    "nonno bubbe bubbie zayde dadi dada nani nanaji dadaji tita tito tia tio ate kuya "
    "amma appa akka anna baba mama mami papi bibi ammi abba abu umma ummi halmeoni "
    "harabeoji bà ông ba ong yiayia pappou babcia dziadek babushka dedushka teta "
    "jiddo sitti teta mormor farmor morfar farfar oupa ouma gogo mkhulu kokum mosom "
    "moko mokopuna whaea matua dede babaanne anneanne nain taid".split()
)


#: "the van der Berg parents", "the de Souza family": a family named, after a particle,
#: by a word the lists know (an author's, a place's); not "the Syrian family", a people.
FAMILY_OF = re.compile(
    r"\s+(?:family|parents|twins|kids|children|household|siblings|brothers|sisters|boys"
    r"|girls)\b"
)
THE_FAMILY = re.compile(
    r"\bthe\s+(?:(?:van|von|de|der|den|la|le|du|da|di|del|ten|ter|al|el)\s+){1,3}\Z",
    re.I,
)
#: "Pita's mum", "Jordan's dad": a relation of whoever is named.
KIN_OF = re.compile(
    rf"(?:'s|’s)\s+(?:{_AGED}{_KIN}|boss|manager|teacher|coach|lawyer|solicitor|landlord"
    r"|employer|sponsor|caseworker|social\s+worker|probation\s+officer|ex|mates?|whānau"
    r"|whanau)\b"
)


#: What a person is doing, after a name that is also a thing: "Rose is finding the
#: evenings hard", "Holly was struggling"; not "Ivy was creeping over the window".
PERSON_DOING = re.compile(
    r"\s+(?:is|was)\s+(?:still\s+|not\s+|really\s+|just\s+)*(?:finding|struggling|coping"
    r"|feeling|managing|sleeping|eating|drinking|talking|crying|asking|trying|hoping"
    r"|thinking|wanting|refusing|missing(?!\s+from)|avoiding|using|attending|working|worrying"
    r"|grieving|self-harming|engaging|settling|waiting)\b"
)
#: Roles, not names, before a person's verb: "the Youth Justice Worker says".
ROLE_WORDS = frozenset(
    "therapist worker nurse officer manager lead coordinator co-ordinator teacher "
    "counsellor counselor assistant practitioner specialist psychologist psychiatrist "
    "director team department".split()
)


#: Where a person is met, before a word of the world lists: "session with Pemba".
MET_WITH = re.compile(
    r"\b(?:(?:session|sessions|met|meeting|spoke|talked|sat|call|appt|appointment|visit)"
    r"[ \t]+with|saw|met)[ \t]+\Z",
    re.I,
)


_FROM_BEFORE = re.compile(r"\b(?:from|in)[ \t]+\Z")


def world_word_a_person(text: str, start: int, end: int) -> bool:
    """Whether a word of the world lists (a region, a town, a brand) is a person here:
    "Kumara said", "Murcia's wife", "a session with Pemba"."""
    verb = SPOKE_OR_ACTED.match(text, end)
    return (
        (
            verb is not None
            and not (
                verb.group().lstrip().startswith("and")
                and _FROM_BEFORE.search(text, max(0, start - 8), start) is not None
            )  # "he is from Punjab and his parents"; but "Kumara and his wife"
        )
        or KIN_OF.match(text, end) is not None
        or MET_WITH.search(text, max(0, start - 20), start) is not None
    )

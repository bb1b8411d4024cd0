import type { PiiSoort } from './pii';

// The shared battery of the PII guard: free text as a jeugdbeschermer might type it, with the kinds the
// guard must find (in PII_LABELS order), or none. Both the TypeScript (src/lib/domain/pii.test.ts) and
// the database (supabase/tests/pii.test.ts) run every case. The BSNs pass the 11-proef (checked in
// pii.test.ts); the IBANs are the published ISO 13616 examples.

export const PII_GEVALLEN: readonly { tekst: string; soorten: readonly PiiSoort[]; waarom: string }[] = [
	// --- BSN ---
	{ tekst: 'Jongen (15), BSN 123456782, zoekt een crisisplek.', soorten: ['bsn'], waarom: 'BSN, 9 cijfers' },
	{ tekst: 'bsn: 111.222.333 volgens de raadsrapportage', soorten: ['bsn'], waarom: 'BSN met punten 3-3-3' },
	{ tekst: 'BSN van moeder is 1112.22.333', soorten: ['bsn'], waarom: 'BSN in de schrijfwijze 4-2-3' },
	{ tekst: 'Kind staat ingeschreven onder 123 456 782.', soorten: ['bsn'], waarom: 'BSN met spaties' },
	{ tekst: 'Zie dossier bsn232262536', soorten: ['bsn'], waarom: 'BSN vastgeplakt aan tekst' },
	{
		tekst: 'Dossiernummer 123456789 is bekend bij de GI.',
		soorten: [],
		waarom: '9 cijfers die de 11-proef niet halen: geen BSN'
	},
	{ tekst: 'Kenmerk 987654321 graag vermelden.', soorten: [], waarom: '9 cijfers, 11-proef faalt' },
	{
		tekst: 'Totaal 123.456.789 in het register',
		soorten: [],
		waarom: '9 cijfers met punten, 11-proef faalt'
	},
	{
		tekst: 'Zaaknummer 1234567890 bij de rechtbank',
		soorten: [],
		waarom: '10 cijfers, niet met 0: geen telefoon'
	},

	// --- e-mail ---
	{ tekst: 'Moeder is te mailen op moeder.jansen@gmail.com', soorten: ['email'], waarom: 'e-mailadres' },
	{
		tekst: 'Contact via j.de-vries+jeugd@gemeente.utrecht.nl of de voogd.',
		soorten: ['email'],
		waarom: 'e-mailadres met subdomein en plus'
	},
	{ tekst: 'Stuur het verslag via beveiligde e-mail naar de GI.', soorten: [], waarom: 'het woord e-mail' },
	{ tekst: 'Overleg @ kantoor Utrecht, dinsdagochtend', soorten: [], waarom: 'een losse @' },

	// --- telefoon ---
	{ tekst: 'Moeder bereikbaar via 06-12345678.', soorten: ['telefoon'], waarom: 'mobiel met streepje' },
	{ tekst: 'Bel vader op 06 1234 5678 na 17 uur', soorten: ['telefoon'], waarom: 'mobiel in groepen' },
	{ tekst: 'tel 0612345678', soorten: ['telefoon'], waarom: 'mobiel, 10 cijfers aaneen' },
	{ tekst: 'Oma: +31 6 12345678', soorten: ['telefoon'], waarom: 'internationaal met +31' },
	{ tekst: 'Pleegouder +31(0)6-12345678 overdag', soorten: ['telefoon'], waarom: '+31(0)6' },
	{ tekst: 'Nummer oom 0031612345678', soorten: ['telefoon'], waarom: 'internationaal met 0031' },
	{ tekst: 'Voogd op kantoor: 030-1234567', soorten: ['telefoon'], waarom: 'vast nummer met netnummer' },
	{ tekst: 'School belt terug via 010 123 4567', soorten: ['telefoon'], waarom: 'vast nummer in groepen' },
	{ tekst: 'Huisarts (030) 123 45 67', soorten: ['telefoon'], waarom: 'netnummer tussen haakjes' },
	{ tekst: 'Wijkteam 088-1234567', soorten: ['telefoon'], waarom: '088-nummer' },
	{ tekst: 'Vader zit bij 0201234567 aan de lijn', soorten: ['telefoon'], waarom: 'vast nummer aaneen' },
	{ tekst: 'Hulplijn van het gezin: 0800-1234', soorten: ['telefoon'], waarom: '0800-nummer, 8 cijfers' },
	{ tekst: 'Betaallijn 0900 123 4567', soorten: ['telefoon'], waarom: '0900-nummer, 11 cijfers' },
	{ tekst: 'Meisje van 12-14 jaar, plaatsing 2 à 3 maanden', soorten: [], waarom: 'leeftijden en duur' },
	{ tekst: 'Overleg om 14:30 met de zorgmakelaar', soorten: [], waarom: 'tijd' },
	{ tekst: 'Crisisdienst is 24/7 bereikbaar', soorten: [], waarom: '24/7' },
	{ tekst: 'Leeftijd 0-18 jaar, 2 tot 4 kinderen per groep', soorten: [], waarom: 'bereiken en aantallen' },
	{ tekst: 'Kosten € 1.250,50 per maand, eigen bijdrage € 0,50', soorten: [], waarom: 'bedragen' },
	{
		tekst: 'Telefoonnummer is bekend bij de jeugdbeschermer',
		soorten: [],
		waarom: 'het woord telefoonnummer'
	},
	{
		tekst: 'Intake gepland op 01-02-2024 10 uur',
		soorten: ['datum'],
		waarom: 'datum plus uur: 10 cijfers, maar geen telefoonnummer'
	},

	// --- postcode ---
	{ tekst: 'Gezin woont op 3511 AB 12', soorten: ['postcode'], waarom: 'PC6 met huisnummer' },
	{ tekst: 'Adres: 3511AB, verder onbekend', soorten: ['postcode'], waarom: 'PC6 aaneen, hoofdletters' },
	{ tekst: 'woont in 3511ab 4', soorten: ['postcode'], waarom: 'PC6 aaneen, kleine letters' },
	{ tekst: 'postcode 3511 ab, nr 4', soorten: ['postcode'], waarom: 'kleine letters met huisnummer' },
	{ tekst: 'Verblijft bij oma in 9712 CP', soorten: ['postcode'], waarom: 'PC6 zonder huisnummer' },
	{ tekst: 'Zoekt een plek in regio 3511 en omgeving', soorten: [], waarom: 'PC4 gevolgd door "en"' },
	{ tekst: 'PC4 3451, gemeente Utrecht', soorten: [], waarom: 'PC4 alleen' },
	{ tekst: 'Postcodegebied 3500-3599 heeft voorrang', soorten: [], waarom: 'bereik van PC4' },
	{ tekst: 'Bekend bij Veilig Thuis tussen 2015 en 2016', soorten: [], waarom: 'jaartallen met "en"' },
	{ tekst: 'In 2015 is 1 broer uit huis geplaatst', soorten: [], waarom: 'jaartal met "is" en een aantal' },
	{ tekst: 'Medicatie 1000mg per dag, reist 1200 km 2 keer per jaar', soorten: [], waarom: 'eenheden' },
	{ tekst: 'Tussen 1000 en 1500 euro per maand', soorten: [], waarom: 'bedragen met "en"' },
	{ tekst: 'Sinds 2019 uit huis geplaatst', soorten: [], waarom: 'een jaartal alleen' },
	{ tekst: 'Gemeentecode GM0344, jeugdregio JZ22', soorten: [], waarom: 'codes uit de referentiedata' },

	// --- datum ---
	{ tekst: 'Geboren 12-03-2015, in zorg sinds 2019', soorten: ['datum'], waarom: 'geboortedatum d-m-j' },
	{ tekst: 'Geboortedatum 12/3/2015', soorten: ['datum'], waarom: 'datum met schuine strepen' },
	{ tekst: 'gb. 12.03.2015', soorten: ['datum'], waarom: 'datum met punten' },
	{ tekst: 'Geboren op 2015-03-12 in Utrecht', soorten: ['datum'], waarom: 'ISO-datum' },
	{ tekst: "Geboren 12-03-'15", soorten: ['datum'], waarom: 'jaar met apostrof' },
	{ tekst: 'Zij is geboren op 12 maart 2015.', soorten: ['datum'], waarom: 'dag en maandnaam met jaar' },
	{ tekst: 'Verjaardag 3 mrt 2015', soorten: ['datum'], waarom: 'afgekorte maandnaam' },
	{ tekst: 'Jarig op 12 Maart', soorten: ['datum'], waarom: 'dag en maand, hoofdletter' },
	{ tekst: 'Zitting bij de kinderrechter op 5 sept. om 10 uur', soorten: ['datum'], waarom: '"sept."' },
	{ tekst: 'Vanaf 1 januari beschikbaar', soorten: ['datum'], waarom: 'dag en maand' },
	{ tekst: 'Evaluatie op 12-3, daarna opnieuw kijken', soorten: [], waarom: 'dag-maand zonder jaar' },
	{ tekst: 'Wachtlijst 3 maanden, 1e week observatie', soorten: [], waarom: 'duur en rangtelwoord' },
	{ tekst: 'Rapportage over 2023-2024 volgt', soorten: [], waarom: 'bereik van jaren' },
	{ tekst: 'Aanmelding in week 12 van 2024', soorten: [], waarom: 'week en jaar' },
	{ tekst: 'Open van 8.30 tot 17.00 uur, 5 dagen per week', soorten: [], waarom: 'tijden met punt' },
	{ tekst: 'Wachttijd 6-8 weken, groepsgrootte 8-10', soorten: [], waarom: 'bereiken' },

	// --- IBAN ---
	{ tekst: 'Kinderbijslag naar NL91ABNA0417164300', soorten: ['iban'], waarom: 'IBAN aaneen' },
	{ tekst: 'Rekening NL91 ABNA 0417 1643 00 van vader', soorten: ['iban'], waarom: 'IBAN in groepen' },
	{ tekst: 'iban nl91abna0417164300', soorten: ['iban'], waarom: 'IBAN in kleine letters' },
	{ tekst: 'Belgische rekening BE68 5390 0754 7034 voor de toeslag', soorten: ['iban'], waarom: 'BE-IBAN' },
	{ tekst: 'Oude code NL12 ABCD 1234 5678 90 vervalt', soorten: [], waarom: 'IBAN-vorm, mod 97 faalt' },

	// --- combinaties ---
	{
		tekst: 'BSN 123456782, mail de ouders op ouders@example.nl',
		soorten: ['bsn', 'email'],
		waarom: 'BSN en e-mail'
	},
	{
		tekst: 'Tel 06-12345678, geboren 1 jan 2016, woont 3511 AB',
		soorten: ['telefoon', 'postcode', 'datum'],
		waarom: 'drie soorten'
	},
	{
		tekst: 'Rekening NL91ABNA0417164300 en 0612345678',
		soorten: ['telefoon', 'iban'],
		waarom: 'IBAN en telefoon; de cijfers in de IBAN tellen niet apart'
	},

	// --- gewone tekst ---
	{
		tekst: 'Meisje van 14 jaar zoekt een gezinshuis in regio Utrecht.',
		soorten: [],
		waarom: 'geen gegevens'
	},
	{ tekst: 'TIQ 78, IQ tussen 70 en 85; zwakbegaafd', soorten: [], waarom: 'IQ-scores' },
	{ tekst: 'Zit in groep 8 van de basisschool', soorten: [], waarom: 'groep 8' },
	{ tekst: 'Op 80% van de dagen naar school', soorten: [], waarom: 'percentage' },
	{ tekst: 'Referentie HV-7K3Q in het dossier', soorten: [], waarom: 'referentie van de hulpvraag' },
	{ tekst: 'Gezin met 3 kinderen van 4, 7 en 11 jaar', soorten: [], waarom: 'leeftijden' },
	{ tekst: 'Spoed: binnen 24 uur, 7 dagen per week', soorten: [], waarom: 'aantallen' },
	{ tekst: 'Budget 12.500 euro, versie 2.1 van het plan', soorten: [], waarom: 'bedrag en versie' },
	{
		tekst: 'Bereikbaar van 09:00-17:00, 10 plaatsen waarvan 2 vrij',
		soorten: [],
		waarom: 'tijden en aantallen'
	},
	{ tekst: 'Geboortejaar 2015, jongere (15) met LVB', soorten: [], waarom: 'jaartal en leeftijd' },
	{ tekst: 'Toestel 06-1234567 is onvolledig', soorten: [], waarom: '9 cijfers met 06: geen telefoonnummer' },
	{
		tekst: 'Kamer 2015 IS het rustigst',
		soorten: ['postcode'],
		waarom: 'hoofdletters na 4 cijfers: het aanvaarde vals alarm'
	},
	{
		tekst: 'Woont sinds 3 jaar in 3511 Utrecht, 2 dagen naar school',
		soorten: [],
		waarom: 'PC4 met plaatsnaam'
	},
	{ tekst: 'Plaatsing per direct, 3 tot 6 maanden, daarna 1 jaar nazorg', soorten: [], waarom: 'termijnen' }
];

import { z } from '$lib/schemas/zod';
import { meldingSchema } from '$lib/schemas/capaciteit';
import { antwoordVerzoekSchema, hulpvraagSchema } from '$lib/schemas/hulpvraag';
import { zoekSchema } from '$lib/schemas/zoeken';

// The OpenAPI description of /api/v1, generated from the same zod schemas the endpoints validate
// with, so the description cannot drift from what the API accepts.

const alsJsonSchema = (schema: z.ZodType) =>
	z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

const lijstParameters = new Set(['hulpvorm', 'tag']);

const zoekParameters = Object.entries(zoekSchema.shape).map(([naam, veld]) => {
	const { $schema, ...schema } = alsJsonSchema(veld as z.ZodType) as Record<string, unknown>;
	return {
		name: naam,
		in: 'query',
		required: false,
		...(lijstParameters.has(naam) ? { style: 'form', explode: true } : {}),
		schema
	};
});

const fout = {
	type: 'object',
	required: ['fout'],
	properties: {
		fout: { type: 'string', description: 'Wat er mis is, in het Nederlands.' },
		veld: { type: 'string', description: 'Het veld waar het om gaat, als dat bekend is.' },
		fouten: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }
	}
};

const foutAntwoord = (beschrijving: string) => ({
	description: beschrijving,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Fout' } } }
});

export function openApiDocument(origin: string) {
	const { $schema, ...melding } = alsJsonSchema(meldingSchema) as Record<string, unknown>;
	const { $schema: _hv, ...hulpvraag } = alsJsonSchema(hulpvraagSchema) as Record<string, unknown>;
	const { $schema: _aw, ...antwoord } = alsJsonSchema(antwoordVerzoekSchema) as Record<string, unknown>;
	const referentie = {
		name: 'referentie',
		in: 'path',
		required: true,
		schema: { type: 'string', pattern: '^HV-[2-9A-HJ-NP-Z]{4}$' }
	};
	return {
		openapi: '3.1.0',
		info: {
			title: 'Beschikbaarheidswijzer API',
			version: '1',
			description:
				'Capaciteit melden en voorstellen beantwoorden vanuit een planningssysteem, beschikbaar aanbod zoeken en ' +
				'hulpvragen plaatsen vanuit een GI-systeem. Foutmeldingen zijn Nederlands. ' +
				'Een aanbieder maakt een API-token aan onder Mijn aanbod → API-tokens; het token wordt één keer getoond.'
		},
		servers: [{ url: origin }],
		security: [{ apiToken: [] }, { sessie: [] }],
		paths: {
			'/api/v1/capaciteit': {
				get: {
					summary: 'Eigen aanbod met de actuele capaciteit',
					description:
						'Het aanbod van de eigen organisatie (van het token of de aangemelde persoon), met de id om mee te melden.',
					responses: {
						'200': { description: 'Het eigen aanbod: { aanbod: [...] }.' },
						'401': foutAntwoord('Geen, een ongeldig of een ingetrokken API-token.')
					}
				},
				post: {
					summary: 'Capaciteit melden voor eigen aanbod',
					description:
						'Voegt een capaciteitsmelding toe. De nieuwste melding op gemeldOp is de actuele stand; een latere herhaling ' +
						'van een oudere melding komt in de geschiedenis maar verandert de stand niet. Met dezelfde ' +
						'idempotentieSleutel wordt een melding één keer opgeslagen (weer 201, met herhaald: true).',
					requestBody: { required: true, content: { 'application/json': { schema: melding } } },
					responses: {
						'201': {
							description:
								'Opgeslagen (of al eerder opgeslagen met deze idempotentiesleutel: herhaald is dan true).',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											id: { type: 'string', format: 'uuid' },
											gemeldOp: { type: 'string', format: 'date-time' },
											herhaald: { type: 'boolean' }
										}
									}
								}
							}
						},
						'400': foutAntwoord(
							'Ongeldige JSON of een waarde buiten wat kan (bijv. meer vrij dan het totaal).'
						),
						'401': foutAntwoord('Geen, een ongeldig of een ingetrokken API-token.'),
						'403': foutAntwoord('Dit aanbod is van een andere organisatie.'),
						'404': foutAntwoord('Dit aanbod bestaat niet.'),
						'409': foutAntwoord('De idempotentiesleutel is al gebruikt voor ander aanbod.'),
						'415': foutAntwoord('Geen JSON gestuurd.')
					}
				}
			},
			'/api/v1/hulpvragen': {
				post: {
					summary: 'Een hulpvraag plaatsen (GI)',
					description:
						'Plaatst een geanonimiseerde hulpvraag voor de eigen GI: als concept, of gepubliceerd (status "open", de ' +
						'normklok loopt vanaf nu). Geen naam, BSN, adres of geboortedatum: vrije tekst met zulke gegevens wordt ' +
						'geweigerd met een melding wat eruit moet. De gemeente mag een naam of een CBS-code (GM0344) zijn.',
					requestBody: { required: true, content: { 'application/json': { schema: hulpvraag } } },
					responses: {
						'201': {
							description: 'Geplaatst: { id, referentie, status, url }.',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											id: { type: 'string', format: 'uuid' },
											referentie: { type: 'string' },
											status: { type: 'string', enum: ['concept', 'open'] },
											url: { type: 'string' }
										}
									}
								}
							}
						},
						'400': foutAntwoord(
							'Een veld klopt niet: persoonsgegevens in de tekst, onbekende gemeente, leeftijd buiten 0–23, een datum in de toekomst, …'
						),
						'401': foutAntwoord('Niet aangemeld en geen geldig API-token.'),
						'403': foutAntwoord('Alleen een GI kan een hulpvraag plaatsen.'),
						'415': foutAntwoord('Geen JSON gestuurd.')
					}
				}
			},
			'/api/v1/hulpvragen/{referentie}': {
				get: {
					summary: 'Eén hulpvraag met de voorstellen',
					description:
						'De hulpvraag en haar voorstellen, voor zover u die mag zien. Inzien door iemand buiten de plaatsende GI wordt vastgelegd.',
					parameters: [referentie],
					responses: {
						'200': { description: 'De hulpvraag met normDeadline en voorstellen.' },
						'401': foutAntwoord('Niet aangemeld en geen geldig API-token.'),
						'404': foutAntwoord('Bestaat niet, of u mag haar niet zien.')
					}
				}
			},
			'/api/v1/hulpvragen/{referentie}/matches': {
				get: {
					summary: 'Passend aanbod voor een hulpvraag, met de redenen',
					description:
						'Best passend eerst: eerst de harde eisen (hulpvorm, leeftijd, gender, contra-indicaties, contract of ' +
						'bovenregionaal, afstand), dan een score van 100 (beschikbaar 40, afstand 25, kenmerken 20, versheid 15) met ' +
						'de onderdelen en de redenen in het Nederlands ("Vrij nu · 12 km · LVB-expertise · gecontracteerd voor Eemland").',
					parameters: [referentie],
					responses: {
						'200': { description: '{ referentie, verbreed, matches: [...] }.' },
						'401': foutAntwoord('Niet aangemeld en geen geldig API-token.'),
						'404': foutAntwoord('Bestaat niet, of u mag haar niet zien.')
					}
				}
			},
			'/api/v1/voorstellen/{id}/antwoord': {
				post: {
					summary: 'Een voorstel beantwoorden (aanbieder)',
					description:
						'Het antwoord van de aanbieder op een voorstel aan de eigen organisatie: accepteren (reserveert één plek), ' +
						'afwijzen met een reden, intake, plaatsen of afwijzen_na_intake. Met dezelfde idempotentieSleutel wordt een ' +
						'antwoord één keer verwerkt: een herhaling geeft het eerste resultaat terug (weer 201, met herhaald: true) ' +
						'zonder opnieuw iets te doen. gedaanOp is het moment waarop het antwoord op het apparaat is gegeven.',
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
					],
					requestBody: { required: true, content: { 'application/json': { schema: antwoord } } },
					responses: {
						'201': {
							description:
								'Verwerkt (of al eerder verwerkt met deze idempotentiesleutel: herhaald is dan true).',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											voorstelId: { type: 'string', format: 'uuid' },
											soort: { type: 'string' },
											status: {
												type: 'string',
												description: 'De status van het voorstel na dit antwoord, bijv. gereserveerd.'
											},
											herhaald: { type: 'boolean' }
										}
									}
								}
							}
						},
						'400': foutAntwoord(
							'Een veld klopt niet (bijv. geen reden bij afwijzen), of er is geen vrije plek om te reserveren.'
						),
						'401': foutAntwoord('Niet aangemeld en geen geldig API-token.'),
						'404': foutAntwoord('Dit voorstel bestaat niet of is aan een andere aanbieder gedaan.'),
						'409': foutAntwoord(
							'Het voorstel neemt dit antwoord niet meer aan: verlopen, ingetrokken of al anders beantwoord. ' +
								'De melding zegt welke; het antwoord is niet verwerkt.'
						),
						'415': foutAntwoord('Geen JSON gestuurd.')
					}
				}
			},
			'/api/v1/aanbod': {
				get: {
					summary: 'Beschikbaar aanbod zoeken',
					description:
						'Dezelfde filters en volgorde als de zoekpagina: eerst nu vrij, dan start binnen 4 weken, dan later of onbekend, ' +
						'dan geen recente melding; daarbinnen de snelste start en de kortste afstand. 25 per pagina.',
					parameters: zoekParameters,
					responses: {
						'200': { description: 'Zoekresultaten.' },
						'400': foutAntwoord('Een filter klopt niet (bijv. onbekende gemeente of postcode).'),
						'401': foutAntwoord('Niet aangemeld en geen geldig API-token.')
					}
				}
			}
		},
		components: {
			schemas: { Fout: fout },
			securitySchemes: {
				apiToken: { type: 'http', scheme: 'bearer', description: 'Organisatie-API-token (bw_…).' },
				sessie: { type: 'apiKey', in: 'cookie', name: 'wijzer_sessie' }
			}
		}
	};
}

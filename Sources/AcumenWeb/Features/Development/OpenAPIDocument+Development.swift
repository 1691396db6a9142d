import AcumenCore
import Foundation

/// The development part of `/openapi.json`: the learning catalogue.
extension OpenAPIDocument {
    static var developmentPaths: [String: Any] {
        func filter(_ name: String, _ description: String, _ schema: [String: Any] = ["type": "string"])
            -> [String: Any]
        {
            ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
        }
        return [
            "/api/v1/offerings": [
                "get": operation(
                    "The learning catalogue's offerings, by category and title, with the competencies each develops and its xAPI activity id; the catalogue page's filters narrow it. Everyone at the vendor",
                    id: "listOfferings", response: ["type": "array", "items": ref("Offering")],
                    parameters: [
                        filter("q", "words from the title, summary, code, provider or category"),
                        filter("category", "a category's name"),
                        filter(
                            "format", "how it is given",
                            ["type": "string", "enum": OfferingFormat.allCases.map(\.rawValue)]),
                        filter("competency", "a competency code: offerings that develop it"),
                        filter(
                            "level", "offerings that bring a competency up to this level (0 the lowest)",
                            integer(0...9)),
                        filter("language", "a language tag, e.g. fr"),
                        filter("maxMinutes", "at most this many minutes", integer(1...Int.max)),
                        filter(
                            "phase", "the roadmap phase",
                            ["type": "string", "enum": LearningPhase.allCases.map(\.rawValue)]),
                    ], errors: ["400", "401", "403"])
            ],
            "/api/v1/xapi/credentials": [
                "post": operation(
                    "Issues HTTP basic credentials to a system that sends learning records to /xapi/ (xAPI 1.0.3). The secret is in this answer only. Programme staff",
                    id: "issueXAPICredentials", response: ref("XAPICredentials"), status: "201",
                    requestBody: body([
                        "type": "object", "required": ["name"],
                        "properties": ["name": text(maxLength: 100)],
                    ]), errors: ["400", "401", "403", "422"])
            ],
            "/api/v1/people/{personID}/roadmap": [
                "get": operation(
                    "A person's learning roadmap: its items in order, each with its offering, status, due date, why it is there and what it was chosen over. The person, their supervisors and programme staff",
                    id: "personRoadmap", response: ref("Roadmap"),
                    parameters: [
                        [
                            "name": "personID", "in": "path", "required": true,
                            "schema": ["type": "string", "format": "uuid"],
                        ]
                    ], errors: ["401", "403", "404"])
            ],
        ]
    }

    static var developmentSchemas: [String: Any] {
        [
            "XAPICredentials": [
                "type": "object", "required": ["id", "name", "key", "secret", "endpoint"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "name": ["type": "string"],
                    "key": ["type": "string", "description": "the HTTP basic user name"],
                    "secret": [
                        "type": "string", "description": "the HTTP basic password; not stored, not shown again",
                    ],
                    "endpoint": ["type": "string", "description": "the xAPI endpoint to send statements to"],
                ],
            ],
            "Roadmap": [
                "type": "object", "required": ["personId", "items"],
                "properties": [
                    "personId": ["type": "string", "format": "uuid"],
                    "draftedFrom": [
                        "type": "string",
                        "description":
                            "the released cycle whose gaps it was drafted from; absent before the first draft",
                    ],
                    "approvedOn": [
                        "type": "string", "format": "date", "description": "absent until a supervisor approves it",
                    ],
                    "items": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": [
                                "id", "offeringId", "offeringCode", "title", "status", "reason", "alsoDevelops",
                                "chosenOver", "note",
                            ],
                            "properties": [
                                "id": ["type": "string", "format": "uuid"],
                                "offeringId": ["type": "string", "format": "uuid"],
                                "offeringCode": ["type": "string"], "title": ["type": "string"],
                                "status": ["type": "string", "enum": RoadmapItemStatus.allCases.map(\.rawValue)],
                                "due": ["type": "string", "format": "date"],
                                "reason": ["type": "string", "description": "why the item is there, in English"],
                                "alsoDevelops": ["type": "array", "items": ["type": "string"]],
                                "chosenOver": [
                                    "type": "array",
                                    "items": [
                                        "type": "object", "required": ["offeringCode", "why"],
                                        "properties": [
                                            "offeringCode": ["type": "string"],
                                            "why": [
                                                "type": "string",
                                                "enum": ["formatSuitsLess", "otherLanguage", "coversLess", "longer"],
                                            ],
                                        ],
                                    ],
                                ],
                                "note": ["type": "string"],
                            ],
                        ],
                    ],
                ],
            ],
            "Offering": [
                "type": "object",
                "required": [
                    "id", "code", "title", "summary", "category", "format", "durationMinutes", "language", "provider",
                    "link", "owner", "phase", "prerequisites", "competencies", "xapiActivityId",
                ],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "code": ["type": "string"],
                    "title": ["type": "string"], "summary": ["type": "string"], "category": ["type": "string"],
                    "format": ["type": "string", "enum": OfferingFormat.allCases.map(\.rawValue)],
                    "durationMinutes": ["type": "integer"], "language": ["type": "string"],
                    "provider": ["type": "string"], "link": ["type": "string"], "owner": ["type": "string"],
                    "phase": ["type": "string", "enum": LearningPhase.allCases.map(\.rawValue)],
                    "prerequisites": [
                        "type": "array", "items": ["type": "string"], "description": "codes of offerings to take first",
                    ],
                    "competencies": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["frameworkId", "framework", "code", "fromLevel", "toLevel"],
                            "properties": [
                                "frameworkId": ["type": "string", "format": "uuid"], "framework": ["type": "string"],
                                "code": ["type": "string"], "fromLevel": ["type": "string"],
                                "toLevel": ["type": "string"],
                            ],
                        ],
                    ],
                    "xapiActivityId": [
                        "type": "string", "format": "iri",
                        "description": "the activity id xAPI statements about this offering use",
                    ],
                ],
            ],
        ]
    }
}

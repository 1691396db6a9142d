import Foundation

/// The calibration part of `/openapi.json`: an exercise's results and who is due.
extension OpenAPIDocument {
    static var calibrationPaths: [String: Any] {
        [
            "/api/v1/calibration/{exerciseID}/results": [
                "get": operation(
                    "Each participant against the master ratings (exact and adjacent agreement, bias with its 95 % interval, quadratic weighted kappa, furthest competencies, calibrated or not) and the group's agreement (the same statistics as `acumen stats agreement` over case and competency ratings, a bootstrap interval for ordinal alpha, and per competency, hardest first); programme staff",
                    id: "calibrationResults", response: ref("CalibrationResults"),
                    parameters: [
                        [
                            "name": "exerciseID", "in": "path", "required": true,
                            "schema": ["type": "string", "format": "uuid"],
                        ]
                    ], errors: ["401", "403", "404"])
            ],
            "/api/v1/calibration/exercises": [
                "get": operation(
                    "Every calibration exercise, with how many take part and have submitted; programme staff",
                    id: "listCalibrationExercises", response: ref("CalibrationExerciseList"), errors: ["401", "403"],
                    links: links(to: ["calibrationResults"], "exerciseID", from: "$response.body#/exercises/0/id"))
            ],
            "/api/v1/calibration/due": [
                "get": operation(
                    "Raters due for calibration: supervisors and past participants who are not calibrated or whose calibration runs out within a month; programme staff",
                    id: "calibrationDue", response: ["type": "array", "items": ref("CalibrationDue")],
                    errors: ["401", "403"])
            ],
        ]
    }

    static var calibrationSchemas: [String: Any] {
        let number: [String: Any] = ["type": ["number", "null"]]
        let interval: [String: Any] = [
            "type": ["array", "null"], "items": ["type": "number"], "minItems": 2, "maxItems": 2,
        ]
        return [
            "CalibrationExerciseList": [
                "type": "object", "required": ["exercises"],
                "properties": [
                    "exercises": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["id", "title", "framework", "status", "cases", "participants", "submitted"],
                            "properties": [
                                "id": ["type": "string", "format": "uuid"], "title": ["type": "string"],
                                "framework": ["type": "string"],
                                "status": ["type": "string", "enum": ["draft", "open", "closed"]],
                                "cases": ["type": "integer"], "participants": ["type": "integer"],
                                "submitted": ["type": "integer"],
                            ],
                        ],
                    ]
                ],
            ],
            "CalibrationResults": [
                "type": "object", "required": ["id", "title", "status", "thresholds", "raters", "group"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "title": ["type": "string"],
                    "status": ["type": "string", "enum": ["draft", "open", "closed"]],
                    "thresholds": [
                        "type": "object",
                        "properties": [
                            "minimumExactAgreement": ["type": "number"],
                            "minimumAdjacentAgreement": ["type": "number"],
                            "minimumWeightedKappa": [
                                "type": "number", "description": "absent when the exercise asks for no kappa",
                            ],
                            "maximumAbsoluteBias": ["type": "number"], "validForMonths": ["type": "integer"],
                        ],
                    ],
                    "raters": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "email": ["type": "string"], "submittedOn": ["type": "string", "format": "date"],
                                "ratings": ["type": "integer"],
                                "missing": [
                                    "type": "integer",
                                    "description":
                                        "competencies of the cases not rated so that they compare with the master; each counts as a disagreement",
                                ],
                                "exactAgreement": number, "adjacentAgreement": number,
                                "meanDeviation": number, "deviationInterval": interval, "weightedKappa": number,
                                "divergentCompetencies": ["type": "array", "items": ["type": "string"]],
                                "calibrated": ["type": "boolean"],
                                "shortfalls": ["type": "array", "items": ["type": "string"]],
                            ],
                        ],
                    ],
                    "group": [
                        "type": ["object", "null"],
                        "description": "Null until two participants have submitted",
                        "properties": [
                            "agreement": ref("Agreement"), "ordinalAlphaInterval": interval,
                            "competencies": [
                                "type": "array",
                                "items": [
                                    "type": "object",
                                    "properties": [
                                        "competency": ["type": "string"], "cases": ["type": "integer"],
                                        "pairAgreement": number, "ordinalAlpha": number,
                                        "ordinalAlphaInterval": interval, "fleissKappa": number,
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "CalibrationDue": [
                "type": "object",
                "properties": [
                    "email": ["type": "string"], "role": ["type": "string"], "reason": ["type": "string"],
                    "overdue": ["type": "boolean"], "calibratedUntil": ["type": ["string", "null"], "format": "date"],
                ],
            ],
        ]
    }
}

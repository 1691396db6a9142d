import AcumenCore
import Foundation

/// The analytics part of `/openapi.json`: the programme's figures, each with how it is counted.
extension OpenAPIDocument {
    static var analyticsPaths: [String: Any] {
        func day(_ name: String, _ description: String) -> [String: Any] {
            [
                "name": name, "in": "query", "required": false, "description": description,
                "schema": calendarDay,
            ]
        }
        return [
            "/api/v1/analytics/programme": [
                "get": operation(
                    "The programme's figures for a period (both days included; the twelve months to today when left out): uptake of the training, promotions, turnover and the customers' service rating. The rows behind them are at /analytics/programme/people.csv, completions.csv and service.csv with the same from and to. Programme staff",
                    id: "programmeFigures", response: ref("ProgrammeFigures"),
                    parameters: [
                        day("from", "the period's first day, YYYY-MM-DD"),
                        day("to", "the period's last day, YYYY-MM-DD"),
                    ], errors: ["400", "401", "403"])
            ],
            "/api/v1/scorecard": [
                "get": operation(
                    "The signed-in customer reviewer's vendor scorecard: for each vendor their organisation scores and each year, the share of Often or Always among the questionnaire's answers on the scale, overall and per competency. The vendor running Acumen is scored from its released reviews as far as the anonymity rules show them; other vendors from the questionnaires the customer's reviewers answered at /scorecard. Customer reviewers only",
                    id: "vendorScorecard", response: ref("VendorScorecard"), errors: ["401", "403", "404"])
            ],
            "/api/v1/analytics/heatmap": [
                "get": operation(
                    "A closed cycle's competencies by group: per group and competency the share of its account managers at or above target and the mean gap, with how many were counted. Programme staff see everyone; a supervisor their own line. A cell is withheld (value null, withheld true) when it counts fewer than the cycle's minimum, or when together with other cells of any grouping it would single out fewer. The same cells as CSV are at /analytics/groups/cells.csv with the same parameters",
                    id: "groupHeatmap", response: ref("Heatmap"),
                    parameters: [
                        [
                            "name": "by", "in": "query", "required": false,
                            "description": "how account managers are grouped (team when left out)",
                            "schema": ["type": "string", "enum": GroupDimension.allCases.map(\.rawValue)],
                        ],
                        [
                            "name": "cycle", "in": "query", "required": false,
                            "description": "the id of a closed or released cycle (the latest closed when left out)",
                            "schema": ["type": "string", "format": "uuid"],
                        ],
                    ], errors: ["400", "401", "403", "404"])
            ],
        ]
    }

    static var analyticsSchemas: [String: Any] {
        func count(_ description: String) -> [String: Any] { ["type": "integer", "description": description] }
        func share(_ description: String) -> [String: Any] {
            [
                "type": "number", "minimum": 0,
                "description": description + " From 0 to 1; absent when nothing could be counted.",
            ]
        }
        let uptake: [String: Any] = [
            "type": "array",
            "items": [
                "type": "object", "required": ["name", "completions", "people"],
                "properties": [
                    "name": ["type": "string"], "completions": ["type": "integer"],
                    "people": count("different account managers who made them"),
                ],
            ],
        ]
        func comparison(_ what: String) -> [String: Any] {
            [
                "type": "object",
                "description":
                    "\(what), of those who completed at least one offering after the earlier cycle closed and by the day the later closed (trained) against the others; absent when either side has fewer people than the later cycle's minimum. An association, not proof of cause.",
                "required": [
                    "trained", "untrained", "trainedMean", "untrainedMean", "difference", "intervalLow", "intervalHigh",
                ],
                "properties": [
                    "trained": count("people who took training"), "untrained": count("people who did not"),
                    "trainedMean": ["type": "number"], "untrainedMean": ["type": "number"],
                    "difference": ["type": "number", "description": "trainedMean minus untrainedMean"],
                    "intervalLow": [
                        "type": "number", "description": "95% confidence interval of the difference (Welch's t)",
                    ],
                    "intervalHigh": ["type": "number"],
                ],
            ]
        }
        let impact: [String: Any] = [
            "type": "object",
            "description":
                "Competency change between the last closed or released cycle that closed in the period and the one before it, over the account managers rated by others in both; absent when there are not two such cycles. The rows are at /analytics/programme/impact.csv.",
            "required": [
                "earlierCycle", "earlierClosedOn", "laterCycle", "laterClosedOn", "people", "competencies",
            ],
            "properties": [
                "earlierCycle": ["type": "string"], "earlierClosedOn": ["type": "string", "format": "date"],
                "laterCycle": ["type": "string"], "laterClosedOn": ["type": "string", "format": "date"],
                "people": count("Account managers rated by others in both cycles."),
                "meanCompetencyChange": [
                    "type": "number",
                    "description":
                        "Per person, the mean over competencies rated in both cycles of the later level minus the earlier (levels as reports show them, 0 the lowest); then the mean over people.",
                ],
                "competencies": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["competency", "people", "earlierMean", "laterMean", "change"],
                        "properties": [
                            "competency": ["type": "string"], "people": ["type": "integer"],
                            "earlierMean": ["type": "number"], "laterMean": ["type": "number"],
                            "change": ["type": "number"],
                        ],
                    ],
                ],
                "competencyComparison": comparison("Mean competency change"),
                "customerComparison": comparison(
                    "Mean change of the customers' share of Often or Always about the person, counted where both of the person's reports show customers"
                ),
            ],
        ]
        let cells: [String: Any] = [
            "type": "array",
            "items": [
                "type": "object", "required": ["group", "competency", "n", "value", "meanGap", "withheld"],
                "properties": [
                    "group": ["type": "string", "description": "the group's name; empty in the row of everyone"],
                    "competency": ["type": "string", "description": "the competency's code"],
                    "n": count("Account managers in the group with both a level and a target for the competency."),
                    "value": [
                        "type": ["number", "null"], "minimum": 0, "maximum": 1,
                        "description":
                            "The share of them whose level (the mean of the supervisor's ratings and, where at least the cycle's minimum of peers answered, the peers') is at or above the target of their role profile; null when withheld.",
                    ],
                    "meanGap": [
                        "type": ["number", "null"],
                        "description":
                            "Target minus level, averaged over them, in levels: above 0 means below target on average; null when withheld.",
                    ],
                    "withheld": ["type": "boolean"],
                ],
            ],
        ]
        return [
            "VendorScorecard": [
                "type": "object", "required": ["customer", "columns"],
                "properties": [
                    "customer": ["type": "string", "description": "the customer organisation"],
                    "columns": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["vendor", "year", "isHost", "questionnaires", "competencies"],
                            "properties": [
                                "vendor": ["type": "string"], "year": ["type": "integer"],
                                "isHost": [
                                    "type": "boolean", "description": "the vendor whose Acumen this is",
                                ],
                                "questionnaires": count("Questionnaires counted."),
                                "overall": share("Answers of Often or Always over answers from Never to Always."),
                                "competencies": [
                                    "type": "object", "additionalProperties": ["type": "number"],
                                    "description": "the same share per competency code",
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "Heatmap": [
                "type": "object",
                "required": ["cycleId", "cycleName", "by", "minimum", "everyone", "cells"],
                "properties": [
                    "cycleId": ["type": "string", "format": "uuid"], "cycleName": ["type": "string"],
                    "by": ["type": "string", "enum": GroupDimension.allCases.map(\.rawValue)],
                    "minimum": count("The fewest people a shown cell may count."),
                    "everyone": cells, "cells": cells,
                ],
            ],
            "ProgrammeFigures": [
                "type": "object",
                "required": [
                    "from", "to", "accountManagers", "adopters", "completions", "distinctOfferings", "locationsReached",
                    "locations", "promotions", "averageHeadcount", "leavers", "voluntaryLeavers",
                    "leaversWithoutReason",
                    "serviceCycles", "serviceCyclesWithheld", "byFormat", "byCategory", "byMonth", "turnoverByLocation",
                ],
                "properties": [
                    "from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"],
                    "accountManagers": count(
                        "People at the vendor whose job title contains 'Account Manager' (any capitals), employed on at least one day of the period: hired on or before its last day and not gone before its first."
                    ),
                    "adopters": count("Account managers of the period with at least one completion in it."),
                    "adoptionRate": share(
                        "adopters over accountManagers: the share who used the training in the period. A completion counts however it was reported (roadmap, attended session, xAPI, LMS import)."
                    ),
                    "completions": count("Completions by the period's account managers on the period's days."),
                    "distinctOfferings": count("Different offerings among those completions."),
                    "locationsReached": count(
                        "Different locations (city; working remotely counts as one) of the adopters."),
                    "locations": count("Different locations of all the period's account managers."),
                    "promotions": count("Promotions of the period's account managers that took effect in it."),
                    "promotionRate": share("promotions over accountManagers."),
                    "averageHeadcount": [
                        "type": "number",
                        "description":
                            "The mean of the account managers employed on the period's first day and on its last (someone's last day counts as employed).",
                    ],
                    "leavers": count("Account managers whose last day fell in the period."),
                    "voluntaryLeavers": count("Those of them recorded as leaving by choice."),
                    "leaversWithoutReason": count(
                        "Leavers with no recorded reason: in turnoverRate, not in voluntaryTurnoverRate."),
                    "turnoverRate": share(
                        "Annualised turnover: leavers over averageHeadcount, times 365 over the period's days (can exceed 1)."
                    ),
                    "voluntaryTurnoverRate": share("The same with voluntaryLeavers."),
                    "serviceRating": share(
                        "Customers' answers of Often or Always over all their answers from Never to Always (Don't know left out), in the submitted customer responses of assessment cycles that closed in the period, are closed or released, and reached their minimum number of customers."
                    ),
                    "serviceCycles": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["cycle", "closesOn", "customers", "favourableAnswers", "scoredAnswers"],
                            "properties": [
                                "cycle": ["type": "string"], "closesOn": ["type": "string", "format": "date"],
                                "customers": count("customer responses submitted"),
                                "favourableAnswers": count("answers of Often or Always"),
                                "scoredAnswers": count("answers from Never to Always"),
                                "serviceRating": share("favourableAnswers over scoredAnswers."),
                            ],
                        ],
                    ],
                    "serviceCyclesWithheld": count("Cycles of the period left out for hearing from too few customers."),
                    "impact": impact,
                    "byFormat": uptake, "byCategory": uptake,
                    "byMonth": uptake,
                    "turnoverByLocation": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["location", "averageHeadcount", "leavers", "voluntaryLeavers"],
                            "properties": [
                                "location": ["type": "string"], "averageHeadcount": ["type": "number"],
                                "leavers": ["type": "integer"], "voluntaryLeavers": ["type": "integer"],
                                "turnoverRate": share("As turnoverRate, for the location."),
                                "voluntaryTurnoverRate": share("As voluntaryTurnoverRate, for the location."),
                            ],
                        ],
                    ],
                ],
            ],
        ]
    }
}

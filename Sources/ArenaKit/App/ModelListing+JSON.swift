extension ModelListing {
    /// `arena models --json`'s document: every model; with `--all`, the endpoints left out and
    /// why (`null` without it); with `--check`, each check's result (`null` without it).
    public static func json(_ models: [ModelDescriptor], leftOut: [EnvironmentModels.LeftOut]?, checks: [ModelCheckResult]?) -> String {
        ResultJSON.text([
            "models": .array(models.map(ResultJSON.model)),
            "left_out": leftOut.map { list -> JSONValue in
                .array(list.map { leftOut -> JSONValue in ["variable": .string(leftOut.variable), "reason": .string(leftOut.reason)] })
            } ?? .null,
            "checks": checks.map { list -> JSONValue in
                .array(list.map { check -> JSONValue in ["model": .string(check.name), "ok": .bool(check.succeeded), "detail": .string(check.detail)] })
            } ?? .null,
        ])
    }
}

export * from "./outlook";
export * from "./table";

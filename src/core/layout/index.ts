export * from "./types";
export * from "./presets";
export * from "./text";
export * from "./build-layout";
export * from "./source-texts";

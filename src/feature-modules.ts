import { OrgModule } from './org/org.module';
import { SkpModule } from './skp/skp.module';

/** Feature modules, in the order their routes appear in the API docs. Shared by API and worker. */
export const FEATURE_MODULES = [OrgModule, SkpModule];

import type { OverrideInput, Principal } from '../../../hub/contract/principal.js';
import { getTaxClassByCode, listTenders } from '../../../hub/db/settings-queries.js';
import { newId } from '../../../hub/ids.js';
import { AccessService } from '../../../hub/services/access/access-service.js';
import { CashService } from '../../../hub/services/cash/cash-service.js';
import { CatalogService } from '../../../hub/services/catalog/catalog-service.js';
import { LabelTemplateService } from '../../../hub/services/catalog/label-template-service.js';
import { SimulatedTerminalAdapter } from '../../../hub/services/payments/simulated-terminal.js';
import { createSalesModule, type SalesModule } from '../../../hub/services/sales/module.js';
import type { CartLineInput, SaleActor } from '../../../hub/services/sales/types.js';
import { SYSTEM_ACTOR } from '../../../hub/services/settings/actor.js';
import type { PresetCountry, TaxClassCode } from '../../../hub/services/settings/presets.js';
import { SettingsService } from '../../../hub/services/settings/settings-service.js';
import {
  addTill,
  CASHIER_PIN,
  seedAccess,
  SUPERVISOR_PIN,
  type AccessFixture,
  type FixtureTill,
} from '../../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

export type TenderKey = 'cash' | 'card' | 'mobile' | 'voucher' | 'store_credit';

export interface ProductInput {
  sku: string;
  /** As the catalog takes them: GTIN strings or `{ code, kind: 'plu' }` for scale items. */
  barcodes?: unknown[];
  priceMinor: number;
  tax?: TaxClassCode;
  unit?: 'piece' | 'kg' | 'l';
  weighed?: boolean;
  hasVariants?: boolean;
  active?: boolean;
}

export interface SalesFixture {
  ctx: TestContext;
  settings: SettingsService;
  access: AccessService;
  cash: CashService;
  terminal: SimulatedTerminalAdapter;
  catalog: CatalogService;
  labelTemplates: LabelTemplateService;
  mod: SalesModule;
  people: AccessFixture;
  cashier: SaleActor;
  tender: Record<TenderKey, string>;
  override: OverrideInput;
  product(input: ProductInput): string;
  actorAt(till: FixtureTill, staffId: string, pin: string): SaleActor;
  addTill(name: string): FixtureTill;
  openSession(actor?: SaleActor): void;
  line(productId: string, extra?: Partial<CartLineInput>): CartLineInput;
  close(): void;
}

/** A store of one country's preset, the access fixture's staff and till, a simulated terminal, and the sales module. */
export function setupSales(country: PresetCountry = 'DK'): SalesFixture {
  const ctx = createTestContext();
  const settings = new SettingsService(ctx);
  settings.applyPreset(country, SYSTEM_ACTOR);
  const people = seedAccess(ctx);
  const access = new AccessService(ctx);
  const cash = new CashService(ctx, { access, settings });
  const labelTemplates = new LabelTemplateService(ctx, settings);
  const catalog = new CatalogService(ctx, { settings, templates: labelTemplates });
  const terminal = new SimulatedTerminalAdapter();
  const mod = createSalesModule(ctx, { settings, access, catalog, terminal });
  const tenders = ctx.tx.read((db) => listTenders(db));
  const tender = Object.fromEntries(
    (['cash', 'card', 'mobile', 'voucher', 'store_credit'] as const).map((k) => [
      k,
      tenders.find((t) => t.kind === k)?.id ?? '',
    ]),
  ) as Record<TenderKey, string>;

  const actorAt = (till: FixtureTill, staffId: string, pin: string): SaleActor => {
    const tillOnly: Principal = access.resolvePrincipal({ tillToken: till.token }, '127.0.0.1');
    const { token } = access.sessions.loginPin(tillOnly, { staffId, pin });
    const principal = access.resolvePrincipal({ tillToken: till.token, bearer: token }, '127.0.0.1');
    if (principal.kind !== 'staff') throw new Error('login failed');
    return { principal, tillId: principal.tillId, staff: principal.staff };
  };
  const cashier = actorAt(people.till, people.cashierId, CASHIER_PIN);

  return {
    ctx,
    settings,
    access,
    cash,
    terminal,
    catalog,
    labelTemplates,
    mod,
    people,
    cashier,
    tender,
    override: { supervisorId: people.supervisorId, pin: SUPERVISOR_PIN },
    product: (p) => {
      const taxClass = ctx.tx.read((db) => getTaxClassByCode(db, p.tax ?? 'standard'));
      if (!taxClass) throw new Error(`no tax class ${p.tax ?? 'standard'}`);
      const { product } = catalog.create(
        {
          id: newId(),
          sku: p.sku,
          name: `Product ${p.sku}`,
          taxClassId: taxClass.id,
          unit: p.unit ?? 'piece',
          weighed: p.weighed ?? false,
          priceMinor: p.priceMinor,
          hasVariants: p.hasVariants ?? false,
          active: p.active ?? true,
          ...(p.barcodes === undefined ? {} : { barcodes: p.barcodes }),
        },
        SYSTEM_ACTOR,
      );
      return product.id;
    },
    actorAt,
    addTill: (name) => addTill(ctx, name),
    openSession: (actor = cashier) => {
      cash.open(actor.principal, actor.tillId, { id: newId(), totalMinor: 100_000 });
    },
    line: (productId, extra = {}) => ({ id: newId(), productId, ...extra }),
    close: () => {
      ctx.close();
    },
  };
}

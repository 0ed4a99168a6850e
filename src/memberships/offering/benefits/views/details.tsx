import type { VersionStamp } from "../../../../history/index.ts";
import { BENEFIT_UNIT_TYPES, benefitDisplay, benefitPath, choiceLabel } from "../../../rules.ts";
import { DetailsActions, Facts, Instant, yesNo } from "../../views/parts.tsx";
import type { BenefitRow } from "../queries.ts";

export function BenefitDetailsPage(props: {
  benefit: BenefitRow;
  history: { created: VersionStamp | undefined; lastModified: VersionStamp | undefined };
  canChange: boolean;
  canDelete: boolean;
}) {
  const { benefit } = props;
  const path = benefitPath(benefit.id);
  return (
    <div>
      <DetailsActions
        history={props.history}
        editHref={props.canChange ? `${path}edit/` : undefined}
        deleteAction={props.canDelete ? `${path}delete/` : undefined}
        subject={benefitDisplay(benefit)}
      />
      <Facts
        rows={[
          ["Name", benefit.name],
          ["Description", benefit.description],
          ["Unit type", choiceLabel(BENEFIT_UNIT_TYPES, benefit.unitType)],
          ["Credits", String(benefit.credits)],
          ["Active", yesNo(benefit.active)],
          ["Created at", <Instant at={benefit.createdAt} />],
          ["Last updated at", <Instant at={benefit.lastUpdatedAt} />],
        ]}
      />
    </div>
  );
}
